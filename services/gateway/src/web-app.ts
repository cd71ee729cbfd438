import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import type { WebAppConfig } from './gateway-config';
import { PAGE_HEADERS } from './public-pages';

/** Vite's bundle, in dist/web whether the gateway runs from dist or (in the specs) from its sources. */
export const WEB_APP_DIR = (() => {
  const up = join(__dirname, '..', '..', '..');
  return basename(up) === 'dist' ? join(up, 'web') : join(up, 'dist', 'web');
})();

/**
 * The page's policy: the public pages' one, plus the identity provider's origin for the token exchange the app
 * makes from the browser (authorisation code with PKCE).
 */
export function webAppHeaders(config: WebAppConfig): Record<string, string> {
  const provider = config.issuer ? ` ${new URL(config.issuer).origin}` : '';
  return {
    ...PAGE_HEADERS,
    'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace(
      "connect-src 'self'",
      `connect-src 'self'${provider}`,
    ),
  };
}

/**
 * `/app/`: the web app for learners and staff. Its configuration at `/app/config.json`, its hashed files under
 * `/app/assets/` (cached for a year: a new build has new names), and every other `/app/...` path answers the page,
 * whose script shows what the path names (or "not found").
 */
export function serveWebApp(app: NestExpressApplication, config: WebAppConfig): void {
  const headers = webAppHeaders(config);
  const page = join(WEB_APP_DIR, 'index.html');
  app.useStaticAssets(join(WEB_APP_DIR, 'assets'), {
    prefix: '/app/assets/',
    index: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (response: ServerResponse) => response.setHeader('x-content-type-options', 'nosniff'),
  });
  app.use('/app', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/config.json') {
      response.set({ 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }).json({
        ...(config.issuer ? { issuer: config.issuer } : {}),
        clientId: config.clientId,
        scope: config.scope,
        ...(config.resource ? { resource: config.resource } : {}),
      });
      return;
    }
    if (request.path.startsWith('/assets/')) return next();
    if (request.originalUrl === '/app') return response.redirect(301, '/app/');
    if (!existsSync(page)) {
      response.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The web app has not been built: run `npm run build`.',
      });
      return;
    }
    response.set(headers).type('html').sendFile(page);
  });
}
