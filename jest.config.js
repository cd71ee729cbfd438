/**
 * Two tiers: `unit` (pure rules and fakes, no stack: `make test-unit`) and `integration` (the real Kafka broker,
 * database and Chromium that `make test` starts). Path aliases come from tsconfig.json through tools/swc-options.js.
 */
const { pathAliases, swcOptions } = require('./tools/swc-options');

/** Packages published as ES modules only that specs import. */
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose'];

/** The OTLP exporter's CommonJS build loads `http` with a dynamic import(), which jest's CommonJS runtime refuses. */
const DYNAMIC_IMPORTS = ['@opentelemetry/otlp-exporter-base'];
const commonJs = {
  swcrc: false,
  module: { type: 'commonjs' },
  jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
};

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy', '<rootDir>/scripts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { swcrc: false, ...swcOptions({ withPaths: false }) }],
    // The OpenID Connect relying party of the sign-in specs (openid-client and what it imports) ships ES modules
    // only, which jest's CommonJS runtime cannot load on Node 20: compiled to CommonJS like our own code.
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', commonJs],
    [`/node_modules/(${DYNAMIC_IMPORTS.join('|')})/.+\\.cjs$`]: ['@swc/jest', commonJs],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${[...ESM_ONLY, ...DYNAMIC_IMPORTS].join('|')})/)`],
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
