#!/usr/bin/env node
/**
 * Runs a built command (`node tools/run-built.js dist/libs/auth/src/cli/token.js --role admin`), building first
 * only when a source changed since the last build.
 */
const { resolve } = require('node:path');
const { build } = require('./build');
const { ROOT } = require('./swc-options');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-built.js <built entry under dist/> [arguments]');
  process.exit(2);
}
if (!build({ ifStale: true })) process.exit(1);
const file = resolve(ROOT, entry);
process.argv = [process.argv[0], file, ...args];
require(file);
