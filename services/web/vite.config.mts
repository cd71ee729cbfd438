import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app, served by the gateway at /app/. Built into dist/web (the gateway reads it from there). No inline
 * scripts or styles anywhere, so the page runs under the same strict Content-Security-Policy as /verify.
 */
export default defineConfig({
  root: here,
  base: '/app/',
  // JSX with React's automatic runtime, without a plugin (fast refresh is a development nicety we do not need).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${here}../../dist/web`,
    emptyOutDir: true,
    // Inline data: URLs for small assets would need `data:` in the policy; emit files instead.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
