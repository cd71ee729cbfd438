/** An HTTP answer as a verifier uses it: the status, how long it may be kept, and the body as text. */
export interface FetchedDocument {
  readonly status: number;
  readonly cacheControl?: string;
  readonly body: string;
}

/** Fetches one URL with GET, within its time and size limits; throws an OutboundFetchError when it cannot. */
export interface DocumentFetcher {
  /** `accept` is the request's Accept header; DEFAULT_ACCEPT unless given. */
  get(url: string, accept?: string): Promise<FetchedDocument>;
}

/** What a verifier asks for when the caller names nothing: JWK sets, then JSON, then VC-JWTs. */
export const DEFAULT_ACCEPT = 'application/jwk-set+json, application/json, application/vc+jwt, */*;q=0.1';
