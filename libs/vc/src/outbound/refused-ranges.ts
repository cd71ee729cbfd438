import { inRange, type IpAddress, parseRange } from './ip-address';

/** Ranges a server-side fetch never reaches unless configuration allows it: everything that is not the internet. */
const REFUSED: readonly (readonly [cidr: string, what: string])[] = [
  ['0.0.0.0/8', 'unspecified ("this network")'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (carrier-grade NAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved (and broadcast)'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'IPv4-compatible (deprecated)'],
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard'],
  ['2001::/32', 'Teredo'],
  ['2001:db8::/32', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local (deprecated)'],
  ['ff00::/8', 'multicast'],
];

/** IPv6 forms that carry an IPv4 address inside: judged by that address. */
const EMBEDDING: readonly (readonly [cidr: string, offset: number])[] = [
  ['64:ff9b::/96', 12], // NAT64
  ['2002::/16', 2], // 6to4
];

const refused = REFUSED.map(([cidr, what]) => ({ range: parseRange(cidr)!, what }));
const embedding = EMBEDDING.map(([cidr, offset]) => ({ range: parseRange(cidr)!, offset }));

/** What kind of address this is when a server-side fetch must not reach it; undefined for an internet address. */
export function refusedKindOf(address: IpAddress): string | undefined {
  const found = refused.find(({ range }) => inRange(address, range));
  if (found) return found.what;
  const carrier = embedding.find(({ range }) => inRange(address, range));
  if (!carrier) return undefined;
  const ipv4 = address.bytes.slice(carrier.offset, carrier.offset + 4);
  const inner = refusedKindOf({ bytes: ipv4, family: 4, text: ipv4.join('.') });
  return inner ? `${inner}, inside an IPv6 address` : undefined;
}
