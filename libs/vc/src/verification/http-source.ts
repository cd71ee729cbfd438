import { UnreachableError } from './context';

export interface HttpSourceOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** How long to keep an answer that says nothing about caching. */
  defaultTtlMs?: number;
  fetch?: typeof fetch;
}

interface Cached {
  body: string;
  expiresAt: number;
}

/**
 * Fetches public documents of other issuers (JWK sets, status lists) with a timeout, a size limit, and a cache that
 * follows each answer's Cache-Control (max-age, no-store, no-cache). Only http(s) URLs; anything that goes wrong is
 * an UnreachableError, so a check reports "could not check", never "valid".
 */
export class HttpSource {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly defaultTtlMs: number;
  private readonly fetcher: typeof fetch;

  constructor(options: HttpSourceOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.defaultTtlMs = options.defaultTtlMs ?? 60_000;
    this.fetcher = options.fetch ?? fetch;
  }

  async text(url: string): Promise<string> {
    const cached = this.cache.get(url);
    if (cached && cached.expiresAt > Date.now()) return cached.body;
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.load(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async load(url: string): Promise<string> {
    if (!/^https?:\/\//.test(url)) throw new UnreachableError(`${url} is not an http(s) URL.`);
    let response: Response;
    try {
      response = await this.fetcher(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (error) {
      throw new UnreachableError(`${url} could not be fetched (${(error as Error).message}).`);
    }
    if (!response.ok) throw new UnreachableError(`${url} answered ${response.status}.`);
    const body = await this.readLimited(url, response);
    const ttl = ttlOf(response.headers.get('cache-control'), this.defaultTtlMs);
    if (ttl > 0) this.cache.set(url, { body, expiresAt: Date.now() + ttl });
    return body;
  }

  private async readLimited(url: string, response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > this.maxBytes) throw new UnreachableError(`${url} is larger than ${this.maxBytes} bytes.`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        throw new UnreachableError(`${url} is larger than ${this.maxBytes} bytes.`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

function ttlOf(cacheControl: string | null, fallbackMs: number): number {
  if (!cacheControl) return fallbackMs;
  if (/no-store|no-cache/i.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cacheControl);
  return maxAge ? Number(maxAge[1]) * 1000 : fallbackMs;
}
