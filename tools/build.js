#!/usr/bin/env node
/**
 * Builds services, libs and scripts into dist/ with swc (no type checking: `npm run typecheck` does that).
 * `--if-stale` builds only when a source is newer than the last build, so commands that need the built output
 * (`npm run -s token`, `make up`) start at once when nothing changed.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, swcOptions } = require('./swc-options');

const SOURCES = ['services', 'libs', 'scripts'];
const INPUTS = ['tsconfig.json', 'package-lock.json', 'tools/swc-options.js', 'tools/build.js'];
const PUBLIC = 'services/gateway/public';
// The web app: its API types from the services' documents, then Vite's bundle into dist/web.
const WEB = 'services/web';
const STAMP = join(ROOT, 'dist', '.build-stamp');

/** The newest modification time among the sources, or Infinity when one cannot be read. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const path of [...SOURCES, ...INPUTS]) visit(join(ROOT, path));
  return newest;
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds when asked, or when stale; true when dist/ is up to date afterwards. */
function build({ ifStale }) {
  if (ifStale && builtAt() >= newestSource()) return true;
  const started = Date.now();
  const cache = join(ROOT, 'node_modules', '.cache', 'credit-bridge');
  mkdirSync(cache, { recursive: true });
  // Specs are not built. The public pages are plain ES modules for the browser, built with their own .swcrc.
  const config = join(cache, 'swcrc.json');
  writeFileSync(config, JSON.stringify({ ...swcOptions({ withPaths: true }), exclude: ['\\.spec\\.ts$'] }));
  const ok =
    swc([...SOURCES, '--ignore', `${PUBLIC}/**`, '--ignore', `${WEB}/**`, '--config-file', config]) &&
    swc([PUBLIC, '--config-file', join(PUBLIC, '.swcrc')]) &&
    webApp();
  if (!ok) return false;
  writeFileSync(STAMP, new Date(started).toISOString());
  return true;
}

function webApp() {
  const run = (command, args) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
  return (
    run(process.execPath, [join(ROOT, 'tools', 'web-api-types.js')]) &&
    run(join(ROOT, 'node_modules', '.bin', 'vite'), [
      'build',
      '--config',
      join(ROOT, WEB, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ])
  );
}

function swc(args) {
  const bin = join(ROOT, 'node_modules', '.bin', 'swc');
  const result = spawnSync(bin, [...args, '-d', 'dist', '--copy-files', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return result.status === 0;
}

module.exports = { build };

if (require.main === module) {
  process.exit(build({ ifStale: process.argv.includes('--if-stale') }) ? 0 : 1);
}
