export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

export interface CallOptions {
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Sent as text/csv instead of JSON. */
  readonly csv?: string;
  /** Sent as is, with the given headers. */
  readonly raw?: string;
}

/** A small HTTP client for specs: JSON in, JSON (or text) out, never throws on a 4xx or 5xx. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['content-type'] ??= 'text/csv';
    body = options.csv;
  } else if (options.raw !== undefined) {
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}
