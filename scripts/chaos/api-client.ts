/** An answer the API gave that is not a success: 4xx means the request itself is wrong, or already done. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: string,
  ) {
    super(`${path}: ${status} ${body.slice(0, 300)}`);
  }
}

/** True for what a fault causes and a retry can cure: no connection, a 5xx, 429, or a body cut short. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429;
  return true;
}

/**
 * The public API through the gateway with a registrar's token. Every call is retried on transient failures with
 * capped exponential backoff until `deadline`, so a fault never loses a request the driver meant to make; the
 * callers only make calls that are safe to repeat.
 */
export class ApiClient {
  /**
   * @param retried counts the transient failures retried, by status ('network' for no answer)
   */
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly deadline: number,
    private readonly retried: Map<string, number>,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.retrying(() => this.once<T>('GET', path));
  }

  post<T>(path: string, body: unknown, contentType = 'application/json'): Promise<T> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return this.retrying(() => this.once<T>('POST', path, text, contentType));
  }

  private async once<T>(method: string, path: string, body?: string, contentType?: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body,
      signal: AbortSignal.timeout(120000),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, path, text);
    return JSON.parse(text) as T;
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!isTransient(error) || Date.now() > this.deadline) throw error;
        const kind = error instanceof ApiError ? String(error.status) : 'network';
        this.retried.set(kind, (this.retried.get(kind) ?? 0) + 1);
        await new Promise((done) => setTimeout(done, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }
}
