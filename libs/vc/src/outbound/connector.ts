import { connect as connectTcp } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as connectTls, rootCertificates } from 'node:tls';
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
export const directConnector: Connector = connectorTrusting();

/**
 * A direct connector whose TLS connections also trust `extraCas` (PEM), besides the system's authorities: for a
 * development or test server with a certificate from a local authority, never needed in production.
 */
export function connectorTrusting(extraCas: readonly string[] = []): Connector {
  const ca = extraCas.length > 0 ? [...rootCertificates, ...extraCas] : undefined;
  return (target) =>
    target.tls
      ? connectTls({
          host: target.address,
          port: target.port,
          ...(target.servername ? { servername: target.servername } : {}),
          ...(ca ? { ca } : {}),
          ALPNProtocols: ['http/1.1'],
        })
      : connectTcp({ host: target.address, port: target.port });
}

export function connectTargetOf(destination: Destination): ConnectTarget {
  return {
    address: destination.address.text,
    family: destination.address.family,
    port: destination.port,
    tls: destination.tls,
    ...(parseIp(destination.hostname) ? {} : { servername: destination.hostname }),
  };
}
