/**
 * Starts a worker thread from TypeScript source, for jest: jest compiles TypeScript only inside its own module
 * registry, which a worker thread does not share. Compiles each .ts file with swc as it is required (the path
 * aliases resolved as in the build), then loads the module named by the last argument. Built services start their
 * workers from dist/ and never come here.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const { swcOptions } = require('./swc-options');

const options = { ...swcOptions({ withPaths: true }), swcrc: false, sourceMaps: 'inline' };

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

require(process.argv[process.argv.length - 1]);
