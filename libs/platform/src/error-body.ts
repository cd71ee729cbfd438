/** The one error shape every service answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level problems of a 400. */
  errors?: FieldError[];
  /** On 500s only: quote it to find the logged cause; the cause itself never reaches the client. */
  errorId?: string;
  /** On 503s only: a dependency is out of reach; the same request may pass after this many seconds. */
  retryAfterSeconds?: number;
}

export interface FieldError {
  field: string;
  message: string;
}

/** How long a client waits before retrying a 503, also sent as `Retry-After`: about one reconnection attempt. */
export const RETRY_AFTER_SECONDS = 5;

/** The 503 answer for a request that could not reach something it needs; `message` says what, for people. */
export function serviceUnavailableBody(message: string): ErrorBody {
  return { statusCode: 503, error: 'Service Unavailable', message, retryAfterSeconds: RETRY_AFTER_SECONDS };
}
