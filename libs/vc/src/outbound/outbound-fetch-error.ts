/** Why a server-side fetch did not bring back a document. */
export type OutboundFailure =
  /** The destination is not on the internet (or not an http(s) URL), and configuration does not allow it. */
  | 'refused'
  /** Name resolution, connection or the exchange failed. */
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects';

/**
 * A server-side fetch that failed. The message is for the log only: it may say what a remote host answered or which
 * address a name resolved to, so it never reaches the caller, who gets a fixed sentence instead.
 */
export class OutboundFetchError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
    /** Set when it came from where a redirect led, so it says something about the remote answer. */
    readonly afterRedirect = false,
  ) {
    super(message);
    this.name = 'OutboundFetchError';
  }
}
