import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { CORRELATION_HEADER } from '../correlation.middleware';

/**
 * One line per answered request: method, route (the pattern, so ids and share tokens stay out), status and duration,
 * with the request's correlation id. Probes are left out: they come every few seconds.
 */
export function requestLogMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      // Set by the correlation middleware (the caller's or a fresh one), which runs after this one.
      const correlationId = request.header(CORRELATION_HEADER);
      if (request.path === '/health' || request.path === '/ready') return;
      const route = routeOf(request);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = response.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          ...(correlationId ? { correlationId } : {}),
          req: { method: request.method, route },
          res: { statusCode: response.statusCode },
          responseTimeMs: Math.round(ms * 10) / 10,
        },
        `${request.method} ${route} ${response.statusCode}`,
      );
    });
    next();
  };
}

/** The matched route's pattern, or the service's API prefix for requests no route matched. */
function routeOf(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return `${request.baseUrl}${route}`;
  return request.path.split('/').slice(0, 3).join('/') + '/…';
}
