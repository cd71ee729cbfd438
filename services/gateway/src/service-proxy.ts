import type { ErrorBody } from '@lib/platform';
import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { UpstreamService } from './gateway-config';

/** Routes `/api/<service>/...` unchanged to the service; a service that does not answer gives a 502 in our error shape. */
export function serviceProxy(service: UpstreamService, target: string): RequestHandler {
  return createProxyMiddleware({
    target,
    pathFilter: (path) => path === `/api/${service}` || path.startsWith(`/api/${service}/`),
    xfwd: true,
    // Bulk uploads of thousands of rows can take tens of seconds on the development database.
    proxyTimeout: 120000,
    on: {
      error: (_error, _request, response) => {
        const body: ErrorBody = {
          statusCode: 502,
          error: 'Bad Gateway',
          message: `The ${service} service is not answering; try again shortly.`,
        };
        const res = response as ServerResponse;
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
    },
  }) as RequestHandler;
}

/** `/.well-known/jwks.json` on the public origin: every issuer's keys, served by the credentials service. */
export function wellKnownJwksProxy(credentials: string): RequestHandler {
  return createProxyMiddleware({
    target: credentials,
    pathFilter: '/.well-known/jwks.json',
    pathRewrite: { '^/.well-known/jwks.json': '/api/credentials/keys' },
    xfwd: true,
  }) as RequestHandler;
}
