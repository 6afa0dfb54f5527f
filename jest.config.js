// Two projects: server-side code runs in Node; client components run in jsdom
// with Taro's components mapped to DOM stand-ins (test/client/support).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }]

// Tests assert behaviour, not timings: the limit only catches a hang, on a
// 2-core machine shared with other work (jest's 5 s default is not that).
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/client/'],
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
  ],
}
