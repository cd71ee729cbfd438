import { type DocumentFetcher, GuardedFetch } from '../outbound';
import { UnreachableError } from './context';

export interface HttpSourceOptions {
  /** How long to keep an answer that says nothing about caching. */
  defaultTtlMs?: number;
  /** The default is a GuardedFetch allowing nothing inside the network; the command line passes an OpenFetcher. */
  fetcher?: DocumentFetcher;
  /** Told why a fetch failed, for the log: the caller only ever hears that it failed. */
  onFailure?: (url: string, error: Error) => void;
}

interface Cached {
  body: string;
  expiresAt: number;
}

/**
 * Fetches public documents of other issuers (JWK sets, status lists) through a fetcher that limits time and size,
 * with a cache that follows each answer's Cache-Control (max-age, no-store, no-cache). Any failure is an
 * UnreachableError whose message is one fixed sentence: what the remote host answered, or whether anything
 * answered at all, is never passed on (it would let a caller probe hosts and ports through us).
 */
export class HttpSource {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly defaultTtlMs: number;
  private readonly fetcher: DocumentFetcher;
  private readonly onFailure: (url: string, error: Error) => void;

  constructor(options: HttpSourceOptions = {}) {
    this.defaultTtlMs = options.defaultTtlMs ?? 60_000;
    this.fetcher = options.fetcher ?? new GuardedFetch();
    this.onFailure = options.onFailure ?? (() => undefined);
  }

  /**
   * The body at `url`; `what` names it in the one sentence a failure is reported with; `accept`, when given, is the
   * request's Accept header (answers are cached per URL and Accept, as the forms asked for may differ).
   */
  async text(url: string, what = 'The document', accept?: string): Promise<string> {
    const key = accept === undefined ? url : `${url}\n${accept}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.body;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(url, key, accept).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending.catch((error: unknown) => {
      // The cause stays on the error for this service's own decisions; only the message ever reaches a caller.
      throw new UnreachableError(`${what} could not be fetched.`, { cause: error });
    });
  }

  private async load(url: string, key: string, accept: string | undefined): Promise<string> {
    try {
      const answer = await this.fetcher.get(url, accept);
      if (answer.status < 200 || answer.status > 299) throw new Error(`${url} answered ${answer.status}`);
      const ttl = ttlOf(answer.cacheControl, this.defaultTtlMs);
      if (ttl > 0) this.cache.set(key, { body: answer.body, expiresAt: Date.now() + ttl });
      return answer.body;
    } catch (error) {
      this.onFailure(url, error as Error);
      throw error;
    }
  }
}

function ttlOf(cacheControl: string | undefined, fallbackMs: number): number {
  if (!cacheControl) return fallbackMs;
  if (/no-store|no-cache/i.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cacheControl);
  return maxAge ? Number(maxAge[1]) * 1000 : fallbackMs;
}
