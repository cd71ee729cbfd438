/** An HTTP answer as a verifier uses it: the status, how long it may be kept, and the body as text. */
export interface FetchedDocument {
  readonly status: number;
  readonly cacheControl?: string;
  readonly body: string;
}

/** Fetches one URL with GET, within its time and size limits; throws an OutboundFetchError when it cannot. */
export interface DocumentFetcher {
  get(url: string): Promise<FetchedDocument>;
}
