/**
 * The swc options for the build and for jest, with the path aliases read from tsconfig.json: the aliases are
 * declared there once and every other tool takes them from here.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

/** `@lib/<name>` -> `libs/<name>/src`, as tsconfig.json's `paths` declare them. */
function pathAliases() {
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, target]),
  );
}

/** swc's options for our TypeScript (Nest's decorators and metadata), with or without the aliases resolved. */
function swcOptions({ withPaths }) {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      ...(withPaths
        ? {
            baseUrl: ROOT,
            paths: Object.fromEntries(
              Object.entries(pathAliases()).map(([alias, target]) => [alias, [target]]),
            ),
          }
        : {}),
    },
  };
}

module.exports = { ROOT, pathAliases, swcOptions };
