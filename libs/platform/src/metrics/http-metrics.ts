import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** The label of a request that matched no route (a 404, or a path served by a middleware that names none). */
export const UNMATCHED_ROUTE = '(unmatched)';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route pattern a request matched (`/api/credentials/credentials/:credentialId`), never its URL: ids in a label
 * would make a time series per credential.
 */
export function routeLabel(request: Request): string {
  const path = (request as { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
}

/** Requests by method, route pattern and status, with their durations: one histogram carries both. */
export function httpMetricsMiddleware(
  registry: Registry,
  routeOf: (request: Request) => string = routeLabel,
): RequestHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return (request: Request, response: Response, next: NextFunction) => {
    const end = duration.startTimer();
    response.once('finish', () =>
      end({
        method: METHODS.has(request.method) ? request.method : 'OTHER',
        route: routeOf(request),
        status: String(response.statusCode),
      }),
    );
    next();
  };
}
