// Three projects: server-side code runs in Node; client components run in
// jsdom with Taro's components mapped to DOM stand-ins (test/client/support);
// weapp runs the built mini-program (dist/weapp, made by `npm run build:weapp`)
// in jsdom with WeChat's miniprogram-simulate (test/weapp/support).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }]

// A limit for hangs, not a timing assertion: suites open a real database and
// a fastify app, and on a busy 2-core machine (several jest workers beside
// other work) a set-up that takes 0.5 s alone can take several. Tests assert
// behaviour; speed is measured by bench/.
const testTimeout = 30_000

/** @type {import('jest').Config} */
module.exports = {
  testTimeout,
  projects: [
    {
      displayName: 'server',
      testTimeout,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/client/', '/test/weapp/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'client',
      testTimeout,
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
      testTimeout,
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFiles: ['<rootDir>/test/weapp/support/server-globals.ts'],
    },
  ],
}
