import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { type ErrorBody, type FieldError, RETRY_AFTER_SECONDS, serviceUnavailableBody } from './error-body';
import { unavailableDependency } from '@lib/messaging';

/**
 * Turns every HTTP error into the one error shape. A request that could not reach the database or Kafka gets a
 * 503 with `Retry-After`, logged as one warning line (an outage would otherwise flood the log with stacks);
 * other unexpected errors become a 500 with an `errorId` and are logged with it. Errors of Kafka handlers pass
 * through untouched so the consumer can retry or dead-letter them.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body =
      exception instanceof HttpException
        ? fromHttpException(exception)
        : (fromBodyParserError(exception) ??
          this.unavailable(exception, http.getRequest<Request>()) ??
          this.unexpected(exception));
    if (body.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private unavailable(exception: unknown, request: Request): ErrorBody | undefined {
    const dependency = unavailableDependency(exception);
    if (dependency === undefined) return undefined;
    const error = exception as { name?: unknown; message?: unknown };
    this.logger.warn(
      `${request.method} ${request.path}: answered 503, the ${dependency} is unavailable (${String(error.name)}: ${String(error.message)})`,
    );
    return serviceUnavailableBody(
      `The service cannot reach its ${dependency === 'kafka' ? 'message broker' : dependency} at the moment; try again in ${RETRY_AFTER_SECONDS} seconds.`,
    );
  }

  private unexpected(exception: unknown): ErrorBody {
    const errorId = randomUUID();
    this.logger.error(
      `errorId ${errorId}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; nothing was changed. Quote the errorId when reporting it.',
      errorId,
    };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const details =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: raw };
  const message = Array.isArray(details.message)
    ? details.message.join('; ')
    : typeof details.message === 'string'
      ? details.message
      : exception.message;
  const body: ErrorBody = {
    statusCode,
    error: typeof details.error === 'string' ? details.error : defaultErrorName(statusCode),
    message,
  };
  if (Array.isArray(details.errors)) body.errors = details.errors as FieldError[];
  // A 503 thrown with `serviceUnavailableBody` keeps its wait, which the filter also sends as `Retry-After`.
  if (typeof details.retryAfterSeconds === 'number') body.retryAfterSeconds = details.retryAfterSeconds;
  return body;
}

/** body-parser's errors (too large, not JSON, bad charset) are the client's, and safe to describe. */
function fromBodyParserError(exception: unknown): ErrorBody | undefined {
  const error = exception as {
    expose?: boolean;
    status?: number;
    type?: string;
    limit?: number;
    message?: string;
  };
  if (error?.expose !== true || typeof error.status !== 'number' || error.status < 400 || error.status >= 500)
    return undefined;
  const message =
    error.type === 'entity.too.large'
      ? `The request body is larger than the limit of ${Math.round((error.limit ?? 0) / 1024)} kB.`
      : error.type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${error.message}.`
        : (error.message ?? 'The request body could not be read.');
  return { statusCode: error.status, error: defaultErrorName(error.status), message };
}

function defaultErrorName(statusCode: number): string {
  const name = HttpStatus[statusCode];
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split('_')
        .map((word) => word[0]!.toUpperCase() + word.slice(1))
        .join(' ')
    : 'Error';
}
