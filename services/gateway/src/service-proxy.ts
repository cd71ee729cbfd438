import { RETRY_AFTER_SECONDS, serviceUnavailableBody } from '@lib/platform';
import { Logger } from '@nestjs/common';
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { UpstreamService } from './gateway-config';

const logger = new Logger('ServiceProxy');

/** Routes `/api/<service>/...` unchanged to the service; a service that cannot be reached answers 503. */
export function serviceProxy(service: UpstreamService, target: string): RequestHandler {
  return createProxyMiddleware({
    target,
    pathFilter: (path) => path === `/api/${service}` || path.startsWith(`/api/${service}/`),
    xfwd: true,
    // Bulk uploads of thousands of rows can take tens of seconds on the development database.
    proxyTimeout: 120000,
    on: { error: answerUnavailable(service) },
  }) as RequestHandler;
}

/**
 * The well-known documents of the public origin, served by the credentials service: `/.well-known/jwks.json` (every
 * issuer's keys), `/.well-known/did.json` (the hub's own DID document, which did:web resolves there) and the
 * OpenID4VCI issuer's metadata where OpenID4VCI 1.0 puts them for the issuer `<origin>/api/credentials/oid4vci`.
 */
export function wellKnownProxy(credentials: string): RequestHandler {
  return createProxyMiddleware({
    target: credentials,
    pathFilter: [
      '/.well-known/jwks.json',
      '/.well-known/did.json',
      '/.well-known/openid-credential-issuer/api/credentials/oid4vci',
      '/.well-known/oauth-authorization-server/api/credentials/oid4vci',
    ],
    pathRewrite: {
      '^/.well-known/jwks.json': '/api/credentials/keys',
      '^/.well-known/did.json': '/api/credentials/did.json',
      '^/.well-known/openid-credential-issuer/api/credentials/oid4vci$':
        '/api/credentials/oid4vci/.well-known/openid-credential-issuer',
      '^/.well-known/oauth-authorization-server/api/credentials/oid4vci$':
        '/api/credentials/oid4vci/.well-known/oauth-authorization-server',
    },
    xfwd: true,
    on: { error: answerUnavailable('credentials') },
  }) as RequestHandler;
}

/**
 * A service that cannot be reached (stopped, restarting, resetting the connection, or silent past the timeout)
 * gives a 503 with `Retry-After` in our error shape: to the caller it is unavailable for now, whichever way it
 * failed, and trying again later is the one thing to do. One warning line per request, without a stack.
 */
function answerUnavailable(service: UpstreamService) {
  return (
    error: Error & { code?: unknown },
    request: IncomingMessage,
    response: ServerResponse | Socket,
  ): void => {
    const cause = typeof error.code === 'string' ? error.code : error.message;
    logger.warn(
      `${request.method} ${request.url}: answered 503, the ${service} service is not answering (${cause})`,
    );
    const body = serviceUnavailableBody(
      `The ${service} service is not answering; try again in ${RETRY_AFTER_SECONDS} seconds.`,
    );
    const res = response as ServerResponse;
    if (!res.headersSent)
      res.writeHead(body.statusCode, {
        'content-type': 'application/json',
        'retry-after': String(body.retryAfterSeconds),
      });
    res.end(JSON.stringify(body));
  };
}
