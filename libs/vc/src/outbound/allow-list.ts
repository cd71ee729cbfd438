import { type AddressRange, inRange, type IpAddress, parseIp, parseRange, sameAddress } from './ip-address';

interface HostPort {
  /** Lower case, without brackets. */
  readonly host: string;
  /** Set when the host is an IP literal: it then matches that address whatever name led to it. */
  readonly address?: IpAddress;
  readonly port: number;
}

/**
 * Destinations a server-side fetch may reach although they are not on the internet, for development and tests
 * (`OUTBOUND_FETCH_ALLOW`): `host:port` entries (a name or an IP literal, IPv6 in brackets) and address ranges
 * (`127.0.0.1/32`, `fd00::/8`, any port).
 */
export interface OutboundAllowList {
  readonly hostPorts: readonly HostPort[];
  readonly ranges: readonly AddressRange[];
}

export const NOTHING_ALLOWED: OutboundAllowList = { hostPorts: [], ranges: [] };

/** What one fetch is about to reach: the URL's host and port, and an address it resolved to. */
export interface DestinationAddress {
  readonly hostname: string;
  readonly port: number;
  readonly address: IpAddress;
}

export function isAllowed(list: OutboundAllowList, destination: DestinationAddress): boolean {
  return (
    list.ranges.some((range) => inRange(destination.address, range)) ||
    list.hostPorts.some(
      (entry) =>
        entry.port === destination.port &&
        (entry.host === destination.hostname.toLowerCase() ||
          (entry.address !== undefined && sameAddress(entry.address, destination.address))),
    )
  );
}

/**
 * Parses a comma-separated allow-list; the problems name each bad entry, so start-up can refuse the setting.
 * An empty text allows nothing.
 */
export function parseAllowList(text: string): { list: OutboundAllowList; problems: string[] } {
  const hostPorts: HostPort[] = [];
  const ranges: AddressRange[] = [];
  const problems: string[] = [];
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry.includes('/')) {
      const range = parseRange(entry);
      if (range) ranges.push(range);
      else problems.push(`"${entry}" is not an address range such as 127.0.0.1/32 or fd00::/8`);
      continue;
    }
    const hostPort = parseHostPort(entry);
    if (hostPort) hostPorts.push(hostPort);
    else problems.push(`"${entry}" is not host:port (e.g. localhost:4000 or [::1]:4000) or a range`);
  }
  return { list: { hostPorts, ranges }, problems };
}

function parseHostPort(entry: string): HostPort | undefined {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) return undefined;
  const host = match[1]!.replace(/^\[|\]$/g, '').toLowerCase();
  const address = parseIp(host);
  if (match[1]!.startsWith('[') && !address) return undefined;
  return address ? { host, address, port } : { host, port };
}
