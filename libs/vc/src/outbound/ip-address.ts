import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as its bytes (4 for IPv4, 16 for IPv6) and the text a socket connects to. */
export interface IpAddress {
  readonly bytes: Uint8Array;
  readonly family: 4 | 6;
  readonly text: string;
}

/** A range of addresses: the first `prefix` bits of `bytes`. */
export interface AddressRange {
  readonly bytes: Uint8Array;
  readonly prefix: number;
}

/**
 * Parses an IP literal (brackets and an IPv6 zone allowed); undefined for anything else, host names included. An
 * IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, also written `::ffff:7f00:1`) is the IPv4 address it maps to: a
 * socket connected to one reaches the other, so both are judged, and allowed, alike.
 */
export function parseIp(literal: string): IpAddress | undefined {
  const text = literal.startsWith('[') && literal.endsWith(']') ? literal.slice(1, -1) : literal;
  if (isIPv4(text)) return { bytes: Uint8Array.from(text.split('.').map(Number)), family: 4, text };
  if (!isIPv6(text)) return undefined;
  const withoutZone = text.split('%')[0]!;
  const bytes = ipv6Bytes(withoutZone);
  const mapped = bytes.slice(0, 12).every((byte, index) => byte === (index < 10 ? 0 : 0xff));
  if (mapped) {
    const ipv4 = bytes.slice(12);
    return { bytes: ipv4, family: 4, text: ipv4.join('.') };
  }
  return { bytes, family: 6, text: withoutZone };
}

/** `10.0.0.0/8`, `fc00::/7`; undefined when it is not a range. */
export function parseRange(cidr: string): AddressRange | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  const address = match ? parseIp(match[1]!) : undefined;
  const declaredV6 = match !== null && match[1]!.includes(':');
  const prefix = Number(match?.[2]);
  const bits = declaredV6 ? 128 : 32;
  if (!address || prefix > bits) return undefined;
  // A mapped IPv6 range (::ffff:0:0/96 and narrower) parses to its IPv4 range.
  const shift = declaredV6 && address.family === 4 ? 96 : 0;
  if (prefix < shift) return undefined;
  return { bytes: address.bytes, prefix: prefix - shift };
}

export function inRange(address: IpAddress, range: AddressRange): boolean {
  if (address.bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const width = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    const index = bit / 8;
    if ((address.bytes[index]! & mask) !== (range.bytes[index]! & mask)) return false;
  }
  return true;
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.bytes.length === b.bytes.length && a.bytes.every((byte, index) => byte === b.bytes[index]);
}

/** The 16 bytes of a valid IPv6 address (net.isIPv6 has checked it), `::` and a trailing dotted quad included. */
function ipv6Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hex = dotted ? `${text.slice(0, dotted.index)}0:0` : text;
  const [head = '', tail] = hex.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  groups.forEach((group, index) => {
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  if (dotted) bytes.set(dotted.slice(1, 5).map(Number), 12);
  return bytes;
}
