/**
 * One Jest run for every tier: unit (`*.spec.ts`), integration against real PostgreSQL (`*.int-spec.ts`)
 * and end to end (`*.e2e-spec.ts`). The global setup starts one embedded PostgreSQL for the whole run;
 * each test file makes its own fresh database from a migrated template.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }],
  // Packages that ship ES modules only, compiled to CommonJS for Jest (Node loads them as they are).
  '[\\/]node_modules[\\/]@nestjs[\\/]terminus[\\/].+\\.js$': '<rootDir>/test/setup/esm-package.transform.js',
};
const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cadreflow/'],
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/terminus/)'],
};

module.exports = {
  // Integration and end-to-end files start real servers; a unit test never comes near this.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
