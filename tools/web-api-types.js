#!/usr/bin/env node
/**
 * The web app's API types, generated from the services' OpenAPI documents (services/web/openapi, kept equal to what
 * the services serve by the API documents spec) into services/web/src/api/generated (git-ignored). Run by the build
 * and the typecheck, so the app is always checked against the current documents.
 */
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const DOCUMENTS = join(ROOT, 'services', 'web', 'openapi');
const OUT = join(ROOT, 'services', 'web', 'src', 'api', 'generated');

async function generate() {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(DOCUMENTS).filter((name) => name.endsWith('.json'))) {
    const document = JSON.parse(readFileSync(join(DOCUMENTS, file), 'utf8'));
    const ast = await openapiTS(document);
    const header = `// Generated from services/web/openapi/${file} by tools/web-api-types.js. Do not edit.\n`;
    const target = join(OUT, file.replace(/\.json$/, '.ts'));
    const text = header + astToString(ast);
    // Written only when changed: the build's staleness check would otherwise see a source newer than every build.
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  }
}

module.exports = { generate };

if (require.main === module) {
  generate().catch((error) => {
    console.error(`web API types: ${error.message}`);
    process.exit(1);
  });
}
