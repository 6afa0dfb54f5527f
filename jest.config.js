// Three projects: server-side code runs in Node; client components run in
// jsdom with Taro's components mapped to DOM stand-ins (test/client/support);
// weapp runs the built mini-program (dist/weapp, made by `npm run build:weapp`)
// in jsdom with WeChat's miniprogram-simulate (test/weapp/support).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }]

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/client/', '/test/weapp/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/client'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/client/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/client/support/taro.ts',
        '\\.(css|scss)$': '<rootDir>/test/client/support/style-stub.js',
      },
    },
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFiles: ['<rootDir>/test/weapp/support/server-globals.ts'],
    },
  ],
}
