import { connect as connectTcp } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as connectTls } from 'node:tls';
import type { Destination } from './destination';
import { parseIp } from './ip-address';

/** What one connection is made to: the checked address, never a name (so nothing is looked up again). */
export interface ConnectTarget {
  readonly address: string;
  readonly family: 4 | 6;
  readonly port: number;
  readonly tls: boolean;
  /** The host name for TLS (SNI and the certificate check); absent when the URL named an address. */
  readonly servername?: string;
}

/** Opens the connection for one request; specs replace it to record where a request would go. */
export type Connector = (target: ConnectTarget) => Duplex;

/** A TCP or TLS connection to the address itself: given an IP literal, node does no name lookup. */
export const directConnector: Connector = (target) =>
  target.tls
    ? connectTls({
        host: target.address,
        port: target.port,
        ...(target.servername ? { servername: target.servername } : {}),
        ALPNProtocols: ['http/1.1'],
      })
    : connectTcp({ host: target.address, port: target.port });

export function connectTargetOf(destination: Destination): ConnectTarget {
  return {
    address: destination.address.text,
    family: destination.address.family,
    port: destination.port,
    tls: destination.tls,
    ...(parseIp(destination.hostname) ? {} : { servername: destination.hostname }),
  };
}
