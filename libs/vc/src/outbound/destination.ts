import { lookup } from 'node:dns/promises';
import { isAllowed, type OutboundAllowList } from './allow-list';
import { type IpAddress, parseIp } from './ip-address';
import { OutboundFetchError } from './outbound-fetch-error';
import { refusedKindOf } from './refused-ranges';

/** Every address a host name resolves to; the fetch client's one name lookup per hop. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The operating system's resolver (what `fetch` would use), asked for every address. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Where one request goes: the URL, and the checked address the connection is made to (never looked up again). */
export interface Destination {
  readonly url: URL;
  /** The URL's host without brackets, for the TLS server name and the allow-list. */
  readonly hostname: string;
  readonly port: number;
  readonly tls: boolean;
  readonly address: IpAddress;
}

/**
 * Resolves a URL's host and checks every address it resolves to, before anything connects: one address that is not
 * on the internet (and not allowed by configuration) refuses the URL, so a name cannot mix a public address with an
 * inside one.
 */
export async function checkedDestination(
  url: URL,
  resolve: Resolver,
  allow: OutboundAllowList,
): Promise<Destination> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundFetchError('refused', `${url.protocol} is not http(s)`);
  if (url.username || url.password) throw new OutboundFetchError('refused', 'credentials in the URL');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const tls = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : tls ? 443 : 80;
  const literal = parseIp(hostname);
  const addresses = literal ? [literal] : await resolved(hostname, resolve);
  for (const address of addresses) {
    const kind = refusedKindOf(address);
    if (kind && !isAllowed(allow, { hostname, port, address }))
      throw new OutboundFetchError(
        'refused',
        literal ? `${hostname} is a ${kind} address` : `${hostname} is ${address.text}, a ${kind} address`,
      );
  }
  return { url, hostname, port, tls, address: addresses[0]! };
}

async function resolved(hostname: string, resolve: Resolver): Promise<IpAddress[]> {
  let answers: string[];
  try {
    answers = await resolve(hostname);
  } catch (error) {
    throw new OutboundFetchError('unreachable', `${hostname} did not resolve (${(error as Error).message})`);
  }
  if (answers.length === 0) throw new OutboundFetchError('unreachable', `${hostname} has no address`);
  return answers.map((answer) => {
    const address = parseIp(answer);
    if (!address)
      throw new OutboundFetchError('refused', `${hostname} resolved to "${answer}", not an address`);
    return address;
  });
}
