/** @type {import('jest').Config} */
const tsJest = [
  'ts-jest',
  // Transpile only: `npm run typecheck` is the type gate, so tests start fast.
  { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', esModuleInterop: true } },
];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      // A real Neo4j on a free port for the run, unless NEO4J_URI is given (tests/support/neo4j.ts).
      globalSetup: '<rootDir>/tests/setup/neo4jGlobalSetup.ts',
      globalTeardown: '<rootDir>/tests/setup/neo4jGlobalTeardown.ts',
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/src/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFiles: ['<rootDir>/tests/setup/jsdomEncoders.ts'],
    },
  ],
};
