/**
 * Two tiers: `unit` (pure rules and fakes, no stack: `make test-unit`) and `integration` (the real Kafka broker,
 * database and Chromium that `make test` starts). Path aliases come from tsconfig.json through tools/swc-options.js.
 */
const { pathAliases, swcOptions } = require('./tools/swc-options');

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy', '<rootDir>/scripts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { swcrc: false, ...swcOptions({ withPaths: false }) }] },
  moduleNameMapper: Object.fromEntries(
    Object.entries(pathAliases()).map(([alias, target]) => [`^${alias}$`, `<rootDir>/${target}`]),
  ),
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.integration\\.spec\\.ts$', '\\.browser\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.integration.spec.ts', '**/*.browser.spec.ts'],
    },
  ],
  // Integration specs share one Kafka broker and database; two workers keep the 2-core machine responsive.
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: true,
};
