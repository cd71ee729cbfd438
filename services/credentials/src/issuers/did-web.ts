/**
 * The did:web DID that resolves to `<url>/did.json` (or `/.well-known/did.json` when the URL has no path), as the
 * did:web method derives it: the host with its port percent-encoded, then each path segment.
 */
export function didWebOf(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(parsed.host), ...path].join(':');
}
