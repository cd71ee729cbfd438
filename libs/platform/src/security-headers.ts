import type { NextFunction, Request, Response } from 'express';

/**
 * For HTML that does not bring its own policy (the OpenAPI pages): scripts, styles and images from our origin only
 * (inline styles allowed, as the OpenAPI page has them), no plugins, never framed. The public pages set a stricter one.
 */
export const DEFAULT_HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year; subdomains are left to whoever runs the domain. */
export const HSTS = 'max-age=31536000';

type WriteHead = (...args: unknown[]) => Response;

/**
 * Headers every response gets, whoever wrote it (a controller, the error filter, static files, the gateway's proxy):
 * `X-Content-Type-Options: nosniff`, no `X-Powered-By`, the default CSP on HTML without one, and HSTS when the
 * request came over HTTPS. They are settled when the head is written, the only moment the content type is known.
 * `request.secure` believes `X-Forwarded-Proto` only from proxies trusted by Express's `trust proxy` setting.
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  const writeHead = response.writeHead.bind(response) as WriteHead;
  (response as unknown as { writeHead: WriteHead }).writeHead = (...args: unknown[]) => {
    settleHeaders(request, response, headersArgument(args));
    return writeHead(...args);
  };
  next();
}

function settleHeaders(request: Request, response: Response, given: Record<string, unknown>): void {
  const has = (name: string) => response.hasHeader(name) || name in given;
  response.removeHeader('x-powered-by');
  delete given['x-powered-by'];
  response.setHeader('x-content-type-options', 'nosniff');
  delete given['x-content-type-options'];
  const contentType = given['content-type'] ?? response.getHeader('content-type');
  if (isHtml(contentType) && !has('content-security-policy'))
    response.setHeader('content-security-policy', DEFAULT_HTML_CSP);
  if (request.secure && !has('strict-transport-security'))
    response.setHeader('strict-transport-security', HSTS);
}

function isHtml(contentType: unknown): boolean {
  return typeof contentType === 'string' && /^\s*text\/html\b/i.test(contentType);
}

/**
 * The headers object `writeHead(status, [message], headers)` was given, its keys lower-cased in place so they can be
 * looked up and removed; an empty object when there is none (or when they come as a raw array, which we never send).
 */
function headersArgument(args: unknown[]): Record<string, unknown> {
  const last = args.at(-1);
  if (args.length < 2 || typeof last !== 'object' || last === null || Array.isArray(last)) return {};
  const headers = last as Record<string, unknown>;
  for (const key of Object.keys(headers)) {
    const lower = key.toLowerCase();
    if (lower !== key) {
      headers[lower] = headers[key];
      delete headers[key];
    }
  }
  return headers;
}
