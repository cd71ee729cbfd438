import { isIPv4 } from 'node:net';

/** A host name, with an optional port: what did:web's first part decodes to (IP addresses are not allowed). */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::(\d{1,5}))?$/i;

export function isDidWeb(id: string): boolean {
  return id.startsWith('did:web:');
}

/**
 * Where a did:web DID's document is (W3C CCG did:web Method Specification, "Read (Resolve)"): the method-specific
 * id's colons become slashes, its percent-encoded port is decoded, `https://` goes in front, and `/did.json` at the
 * end, after `/.well-known` when there is no path. `did:web:example.com%3A8443:issuers:7` is
 * `https://example.com:8443/issuers/7/did.json`. Throws, saying why, for anything that is not such a DID (a DID URL
 * with a fragment or query, an IP address, an empty or dot path segment).
 */
export function didWebDocumentUrl(did: string): string {
  const problem = (why: string) => new Error(`${did} is not a did:web DID: ${why}`);
  if (!isDidWeb(did)) throw problem('it does not start with did:web:');
  if (/[#?/]/.test(did)) throw problem('a DID has no path, query or fragment (segments are separated by :)');
  const [hostPart = '', ...pathParts] = did.slice('did:web:'.length).split(':');
  const host = decoded(hostPart);
  const match = host === undefined ? null : HOST.exec(host);
  if (!host || !match) throw problem('its first part is not a host name (with an optional %3A port)');
  if (isIPv4(host.replace(/:\d+$/, ''))) throw problem('did:web names a host, never an IP address');
  const port = match[1] === undefined ? undefined : Number(match[1]);
  if (port !== undefined && (port < 1 || port > 65535)) throw problem(`${port} is not a port`);
  const segments = pathParts.map(decoded);
  if (segments.some((segment) => !segment || segment === '.' || segment === '..' || /[/\\]/.test(segment)))
    throw problem('a path segment is empty, a dot segment, or holds a slash');
  const path =
    segments.length > 0 ? segments.map((segment) => encodeURIComponent(segment!)) : ['.well-known'];
  return `https://${host.toLowerCase()}/${path.join('/')}/did.json`;
}

/** Why an issuer id is not a did:web DID; undefined when it is one. */
export function didWebProblem(did: string): string | undefined {
  try {
    didWebDocumentUrl(did);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
