/** @type {import('jest').Config} */
const tsJest = [
  'ts-jest',
  // Transpile only: `npm run typecheck` is the type gate, so tests start fast.
  { isolatedModules: true, tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', esModuleInterop: true } },
];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/src/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFiles: ['<rootDir>/client/src/testing/setup.ts'],
    },
  ],
};
