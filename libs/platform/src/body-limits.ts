import { json, raw, type RequestHandler, text } from 'express';

/** JSON bodies are small by default; CSV uploads (bulk enrolment, bulk marks) may hold thousands of rows. */
export const DEFAULT_JSON_LIMIT = '256kb';
export const DEFAULT_CSV_LIMIT = '5mb';

/** A route that takes a larger body than the defaults: its parser is registered before them (the first wins). */
export interface LargeBody {
  readonly path: string;
  readonly kind: 'json' | 'text' | 'raw';
  /** Content types the parser takes (json: application/json). */
  readonly type?: string | readonly string[];
  /** e.g. '8mb'; the API documents state it. */
  readonly limit: string;
  /** Only this path, not the paths below it (e.g. opening a claim, not adding to one). */
  readonly exact?: boolean;
}

/** The express middleware for one large-body route. */
export function largeBodyParser(body: LargeBody): RequestHandler {
  const options = { limit: body.limit, ...(body.type ? { type: [body.type].flat() } : {}) };
  const parser = body.kind === 'json' ? json(options) : body.kind === 'text' ? text(options) : raw(options);
  if (!body.exact) return parser;
  return (request, response, next) => (request.path === '/' ? parser(request, response, next) : next());
}

/** The body limit of a route path (express form, e.g. `/api/recognition/claims`) for a content type, in bytes. */
export function bodyLimitBytes(
  path: string,
  contentType: string,
  largeBodies: readonly LargeBody[] = [],
): number {
  const large = largeBodies.find(
    (body) =>
      takes(body, contentType) &&
      (body.exact ? path === body.path : path === body.path || path.startsWith(`${body.path}/`)),
  );
  const fallback = contentType === 'text/csv' ? DEFAULT_CSV_LIMIT : DEFAULT_JSON_LIMIT;
  return limitBytes(large?.limit ?? fallback);
}

function takes(body: LargeBody, contentType: string): boolean {
  if (body.kind === 'json') return contentType === 'application/json';
  return [body.type ?? []].flat().includes(contentType);
}

/** '256kb' → 262144, as body-parser counts (binary units). */
export function limitBytes(limit: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`not a body limit: ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Math.floor(Number(match[1]) * unit);
}
