import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { ConnectionCounter } from '@lib/testing';
import { parseAllowList } from './allow-list';
import type { ConnectTarget } from './connector';
import { GuardedFetch, type GuardedFetchOptions } from './guarded-fetch';
import { OutboundFetchError } from './outbound-fetch-error';

/**
 * The guard is proved with its two outside steps replaced: the resolver answers from a table, and the connector
 * records every connection asked for and really opens only those to this machine's loopback addresses. So a
 * refused address that slipped through the guard would be recorded (or counted by the loopback listeners), never
 * dialled: this spec opens no socket off this machine whatever the guard does.
 */
describe('GuardedFetch', () => {
  const listeners = new ConnectionCounter();
  let v4Port: number;
  let v6Port: number;
  let hub: HttpServer;
  let hubPort: number;
  let connects: ConnectTarget[];
  let lookups: string[];

  const NAMES: Record<string, string[]> = {
    'loopback.example': ['127.0.0.1'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'private.example': ['10.0.0.1'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'public.example': ['93.184.216.34'],
  };

  beforeAll(async () => {
    v4Port = await listeners.listen('127.0.0.1');
    v6Port = await listeners.listen('::1');
    hub = createHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://hub.example');
      if (url.pathname === '/jwks.json') response.writeHead(200).end('{"keys":[]}');
      else if (url.pathname === '/to')
        response.writeHead(302, { location: url.searchParams.get('u')! }).end();
      else if (url.pathname === '/loop') response.writeHead(307, { location: '/loop' }).end();
      else if (url.pathname === '/big') response.writeHead(200).end('x'.repeat(2048));
      else if (url.pathname !== '/slow') response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubPort = (hub.address() as AddressInfo).port;
  });

  afterAll(async () => {
    hub.closeAllConnections();
    await new Promise<void>((resolve) => hub.close(() => resolve()));
    await listeners.close();
  });

  beforeEach(() => {
    connects = [];
    lookups = [];
  });

  /** The client under test: only `hub.example` on the hub's port is allowed, by configuration. */
  function client(over: GuardedFetchOptions = {}): GuardedFetch {
    return new GuardedFetch({
      allow: parseAllowList(`hub.example:${hubPort}`).list,
      timeoutMs: 10_000,
      resolve: (hostname) => {
        lookups.push(hostname);
        const answer = hostname === 'hub.example' ? ['127.0.0.1'] : NAMES[hostname];
        return answer ? Promise.resolve(answer) : Promise.reject(new Error('ENOTFOUND'));
      },
      connect: (target) => {
        connects.push(target);
        if (target.address !== '127.0.0.1' && target.address !== '::1')
          throw new Error('this spec dials no address off this machine');
        return connect({ host: target.address, port: target.port });
      },
      ...over,
    });
  }

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'fetched',
      (error: unknown) => (error instanceof OutboundFetchError ? error.failure : String(error)),
    );

  it('refuses loopback, private, link-local and mapped addresses, by name or by redirect, before connecting', async () => {
    const hubUrl = (path: string) => `http://hub.example:${hubPort}${path}`;
    const via = (target: string) => hubUrl(`/to?u=${encodeURIComponent(target)}`);
    const inside = [
      `http://127.0.0.1:${v4Port}/jwks.json`,
      'http://10.0.0.1/jwks.json',
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${v6Port}/jwks.json`,
      `http://[::ffff:127.0.0.1]:${v4Port}/jwks.json`,
      `http://loopback.example:${v4Port}/jwks.json`,
      `http://mapped.example:${v4Port}/jwks.json`,
      `http://mixed.example:${v4Port}/jwks.json`,
      `http://0x7f.1:${v4Port}/jwks.json`,
      // The hub's own address under another name than the allowed one.
      `http://127.0.0.1:${hubPort}/jwks.json`,
    ];
    const urls = [...inside, ...inside.map(via)];
    const failures = [];
    for (const url of urls) failures.push(await failureOf(client().get(url)));

    expect(failures).toEqual(urls.map(() => 'refused'));
    // Only the allowed hub was ever connected to: once for each redirect, never for what it redirected to.
    expect(connects).toHaveLength(inside.length);
    expect(connects.every((target) => target.address === '127.0.0.1' && target.port === hubPort)).toBe(true);
    expect(listeners.count).toBe(0);
  });

  it('connects to the address it checked, without a second lookup, and follows allowed redirects', async () => {
    const answer = await client().get(`http://hub.example:${hubPort}/to?u=/jwks.json`);
    expect([answer.status, answer.body]).toEqual([200, '{"keys":[]}']);
    expect(lookups).toEqual(['hub.example', 'hub.example']);
    expect(connects.map((target) => [target.address, target.port])).toEqual([
      ['127.0.0.1', hubPort],
      ['127.0.0.1', hubPort],
    ]);

    connects = [];
    lookups = [];
    expect(await failureOf(client().get('https://public.example/keys'))).toBe('unreachable');
    expect(await failureOf(client().get('http://public.example:8080/keys'))).toBe('unreachable');
    expect(lookups).toEqual(['public.example', 'public.example']);
    expect(connects).toEqual([
      { address: '93.184.216.34', family: 4, port: 443, tls: true, servername: 'public.example' },
      { address: '93.184.216.34', family: 4, port: 8080, tls: false, servername: 'public.example' },
    ]);
  });

  it('refuses what is not http(s), too big, too slow or redirected too often', async () => {
    const hubUrl = (path: string) => `http://hub.example:${hubPort}${path}`;
    expect(await failureOf(client().get('file:///etc/passwd'))).toBe('refused');
    expect(await failureOf(client().get('http://user:secret@public.example/'))).toBe('refused');
    expect(await failureOf(client().get('http://nowhere.example/'))).toBe('unreachable');
    expect(await failureOf(client({ maxBytes: 1024 }).get(hubUrl('/big')))).toBe('too-large');
    expect(await failureOf(client({ timeoutMs: 300 }).get(hubUrl('/slow')))).toBe('timeout');
    connects = [];
    expect(await failureOf(client().get(hubUrl('/loop')))).toBe('too-many-redirects');
    expect(connects).toHaveLength(4);
    expect(listeners.count).toBe(0);
  });
});
