import { DEFAULT_ACCEPT, type DocumentFetcher, type FetchedDocument } from './document-fetcher';
import { OutboundFetchError } from './outbound-fetch-error';

/**
 * A fetcher with time and size limits but no address guard, for a verifier running on the user's own machine (the
 * command line), where any address the user can reach is theirs to reach. Servers use GuardedFetch.
 */
export class OpenFetcher implements DocumentFetcher {
  constructor(
    private readonly timeoutMs = 5_000,
    private readonly maxBytes = 1024 * 1024,
  ) {}

  async get(url: string, accept = DEFAULT_ACCEPT): Promise<FetchedDocument> {
    if (!/^https?:\/\//.test(url)) throw new OutboundFetchError('refused', `${url} is not an http(s) URL`);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      throw new OutboundFetchError(
        'unreachable',
        `${url} could not be fetched (${(error as Error).message})`,
      );
    }
    const cacheControl = response.headers.get('cache-control');
    return {
      status: response.status,
      ...(cacheControl ? { cacheControl } : {}),
      body: await this.readLimited(response),
    };
  }

  private async readLimited(response: Response): Promise<string> {
    const tooLarge = new OutboundFetchError('too-large', `the answer is over ${this.maxBytes} bytes`);
    if (Number(response.headers.get('content-length') ?? 0) > this.maxBytes) throw tooLarge;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        throw tooLarge;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
