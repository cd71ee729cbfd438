import { type AddressInfo, createServer, type Server } from 'node:net';

/**
 * Listeners on loopback addresses that count every connection made to them (and close it at once): a fetch the
 * outbound guard should have refused shows up here instead of reaching anything.
 */
export class ConnectionCounter {
  count = 0;
  private readonly servers: Server[] = [];

  /** A new listener on `host` (e.g. '127.0.0.1' or '::1'); its port. */
  async listen(host: string): Promise<number> {
    const server = createServer((socket) => {
      this.count += 1;
      socket.destroy();
    });
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise((done) => server.close(done))));
  }
}
