/** One jest run over every service and library; integration specs use the stack `make test` starts. */
const aliases = ['auth', 'contracts', 'messaging', 'persistence', 'platform', 'testing', 'vc'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          target: 'es2022',
          keepClassNames: true,
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
      },
    ],
  },
  moduleNameMapper: Object.fromEntries(
    aliases.map((name) => [`^@lib/${name}$`, `<rootDir>/libs/${name}/src`]),
  ),
  // Integration specs share one Kafka broker and database; two workers keep the 2-core machine responsive.
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: true,
};
