import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

/**
 * The public pages' files, beside `src` both in the sources and in dist. The build copies them; `public/.swcrc`
 * keeps the browser scripts as ES modules there (the project's build would otherwise turn them into CommonJS).
 */
export const PUBLIC_DIR = join(__dirname, '..', 'public');

/**
 * Only our own files may run, load or frame a public page, so nothing a credential contains can ever become code.
 * No referrer: a share link's token must not leak to other sites.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** The pages' scripts, styles and icons under `/assets/`. */
export function servePublicAssets(app: NestExpressApplication): void {
  app.useStaticAssets(PUBLIC_DIR, {
    prefix: '/assets/',
    index: false,
    setHeaders: (response: ServerResponse) => {
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader('cache-control', 'no-cache');
    },
  });
}
