// typescript-eslint with type information: no floating or misused promises, exhaustive switches, eqeqeq.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const SPECS = ['**/*.spec.ts', 'libs/testing/**', 'services/spec-support/**'];

const REPOSITORY_BOUNDARY = {
  paths: [
    {
      name: 'mongoose',
      allowTypeImports: true,
      message: 'Only repositories (*.repository.ts) touch mongoose.',
    },
    { name: '@nestjs/mongoose', message: 'Only repositories (*.repository.ts) inject models.' },
  ],
  patterns: [
    {
      group: ['**/*.schema'],
      allowTypeImports: true,
      message:
        'Only repositories (and modules registering schemas) import models; import the record types with `import type`.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.run/',
      'coverage/',
      'deploy/local/probe.js',
      'eslint.config.mjs',
      'services/web/src/api/generated/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Small files and functions: split by responsibility before these limits (style.md: about 300 and 40-60 lines).
    files: ['**/*.ts'],
    ignores: SPECS,
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Configuration is read and validated once, at start-up, by each service's one schema (its *.definition.ts);
    // command-line tools, benchmarks and the test harness read their own few variables.
    files: ['**/*.ts'],
    ignores: [
      ...SPECS,
      '**/*.definition.ts',
      '**/cli/*.ts',
      'scripts/**',
      'deploy/**',
      'libs/testing/**',
      'libs/platform/src/service-config.ts',
      'libs/telemetry/src/tracing-settings.ts',
      'services/gateway/src/gateway-config.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: "Add the variable to the service's configuration schema and inject the parsed value.",
        },
      ],
    },
  },
  {
    // Repositories are the only door to the database: nothing else imports mongoose or a model (types may be shared).
    files: ['services/**/*.ts'],
    ignores: [...SPECS, '**/*.repository.ts', '**/*.schema.ts', '**/*.module.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', REPOSITORY_BOUNDARY] },
  },
  {
    // Controllers map HTTP to one service call: they never reach a repository either.
    files: ['services/**/*.controller.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...REPOSITORY_BOUNDARY,
          patterns: [
            ...REPOSITORY_BOUNDARY.patterns,
            { group: ['**/*.repository'], message: 'Controllers call services; services call repositories.' },
          ],
        },
      ],
    },
  },
  {
    // Specs read JSON answers whose shape is what they assert; typing every body would only restate the assertions.
    files: ['**/*.spec.ts', 'libs/testing/**/*.ts', 'services/spec-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The build tools and jest's configuration: plain CommonJS run by Node, outside the TypeScript project.
    files: ['tools/**/*.js', 'jest.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tools/**/*.js', 'jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Spec-support scripts run as their own Node processes (ESM-only libraries jest cannot load as CommonJS).
    files: ['services/spec-support/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['services/spec-support/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', fetch: 'readonly' } },
  },
  {
    // The public pages' browser scripts: plain ES modules, outside the TypeScript project.
    files: ['services/gateway/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['services/gateway/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { document: 'readonly', window: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly' },
    },
  },
  prettier,
);
