import type { Server } from 'node:http';

/**
 * Keeps idle keep-alive connections open longer than clients and proxies keep them (Node's fetch: 4 s; load
 * balancers: up to 60 s). With the server closing first, a client can send a request on a connection at the moment
 * the server drops it and get ECONNRESET; the one that idles out first must be the client.
 */
export function outlastClientKeepAlive(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
