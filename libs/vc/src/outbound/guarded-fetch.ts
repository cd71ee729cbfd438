import { NOTHING_ALLOWED, type OutboundAllowList } from './allow-list';
import { type Connector, connectorTrusting } from './connector';
import { checkedDestination, type Resolver, systemResolver } from './destination';
import { DEFAULT_ACCEPT, type DocumentFetcher, type FetchedDocument } from './document-fetcher';
import { OutboundFetchError } from './outbound-fetch-error';
import { type HopAnswer, pinnedRequest } from './pinned-request';

export interface GuardedFetchOptions {
  /** Destinations allowed although they are not on the internet (development and tests only). */
  readonly allow?: OutboundAllowList;
  /** The whole fetch, redirects included (default 5 s). */
  readonly timeoutMs?: number;
  /** The most body bytes read (default 1 MB). */
  readonly maxBytes?: number;
  /** The most redirects followed (default 3). */
  readonly maxRedirects?: number;
  /** The name lookup; specs inject one. */
  readonly resolve?: Resolver;
  /** Opens each connection; specs inject one that records instead of dialling. */
  readonly connect?: Connector;
  /** Certificate authorities (PEM) trusted besides the system's: a local development or test authority. */
  readonly extraCas?: readonly string[];
}

/**
 * Fetches URLs that came from users (JWK sets, status lists) without letting them reach inside the deployment.
 * For every hop: resolve the host once, refuse it when any address is loopback, private, link-local, multicast,
 * unspecified or otherwise not on the internet (IPv4, IPv6 and the IPv6 forms of IPv4 alike) unless the allow-list
 * says so, then connect to that checked address. Redirects are followed by hand, each one checked again, at most
 * `maxRedirects`; an https URL never redirects to http. One deadline covers it all.
 */
export class GuardedFetch implements DocumentFetcher {
  private readonly allow: OutboundAllowList;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly resolve: Resolver;
  private readonly connect: Connector;

  constructor(options: GuardedFetchOptions = {}) {
    this.allow = options.allow ?? NOTHING_ALLOWED;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 3;
    this.resolve = options.resolve ?? systemResolver;
    this.connect = options.connect ?? connectorTrusting(options.extraCas);
  }

  /** Throws OutboundFetchError when the URL is refused or no answer came within the limits. */
  async get(url: string, accept = DEFAULT_ACCEPT): Promise<FetchedDocument> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    let current = parsedUrl(url);
    for (let redirects = 0; ; redirects += 1) {
      const answer = await this.hop(current, deadline, accept).catch((error: unknown) => {
        throw redirects > 0 ? afterRedirect(error) : error;
      });
      if (answer.kind === 'final') return answer;
      if (redirects >= this.maxRedirects)
        throw new OutboundFetchError(
          'too-many-redirects',
          `${url} redirects more than ${this.maxRedirects} times`,
        );
      const next = parsedUrl(answer.location, current);
      if (current.protocol === 'https:' && next.protocol !== 'https:')
        throw new OutboundFetchError('refused', `${current.href} redirects to ${next.protocol}`, true);
      current = next;
    }
  }

  private async hop(url: URL, deadline: AbortSignal, accept: string): Promise<HopAnswer> {
    const destination = await beforeDeadline(
      checkedDestination(url, this.resolve, this.allow),
      deadline,
      url,
    );
    return pinnedRequest(destination, this.connect, this.maxBytes, deadline, accept);
  }
}

function afterRedirect(error: unknown): unknown {
  return error instanceof OutboundFetchError
    ? new OutboundFetchError(error.failure, `after a redirect: ${error.message}`, true)
    : error;
}

function parsedUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new OutboundFetchError('refused', `"${text}" is not a URL`, base !== undefined);
  }
}

/** Name resolution has no signal of its own: the deadline ends the wait for it. */
function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal, url: URL): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OutboundFetchError('timeout', `${url.host} did not resolve in time`));
    if (deadline.aborted) return onAbort();
    deadline.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', onAbort));
  });
}
