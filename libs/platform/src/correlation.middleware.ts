import { randomUUID } from 'node:crypto';
import { runWithCorrelationId } from '@lib/messaging';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Takes the caller's correlation id (or makes one), echoes it, and runs the request inside it. It is also set
 * on the request so that the gateway passes it on to the service it routes to.
 */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header(CORRELATION_HEADER);
  const correlationId = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  request.headers[CORRELATION_HEADER] = correlationId;
  response.setHeader(CORRELATION_HEADER, correlationId);
  runWithCorrelationId(correlationId, next);
}
