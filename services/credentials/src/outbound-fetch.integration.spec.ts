import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bearer,
  call,
  ConnectionCounter,
  ExternalIssuer,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import { statusEntry } from '@lib/vc';
import { ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/**
 * The credentials service fetches only what is on the internet, on the real stack: every URL here is on this
 * machine's loopback addresses, where listeners count any connection made to them. (The guard's refusal of other
 * inside addresses, which must never be dialled from a spec, is proved in libs/vc with its connect step replaced.)
 */
describe('outbound fetches of users’ URLs', () => {
  const listeners = new ConnectionCounter();
  let v4Port: number;
  let v6Port: number;
  let hub: ExternalIssuer;
  let relay: HttpServer;
  let relayUrl: string;
  /** What the relay's `/keys` answers: the hub's JWK set, or a redirect to where a fetch must not go. */
  let keysMode: { serve: string; redirectTo?: undefined } | { serve?: undefined; redirectTo: string };
  let credentials: RunningService;
  const admin = bearer('admin');

  beforeAll(async () => {
    v4Port = await listeners.listen('127.0.0.1');
    v6Port = await listeners.listen('::1');
    hub = await ExternalIssuer.start('Code4Health North Hub');
    keysMode = { serve: await (await fetch(hub.jwksUrl)).text() };
    // Another hub's server that answers as a hostile one would: redirects into the network, and secrets.
    relay = createHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://relay');
      if (url.pathname === '/to') response.writeHead(302, { location: url.searchParams.get('u')! }).end();
      else if (url.pathname === '/keys' && keysMode.serve !== undefined)
        response.writeHead(200, { 'cache-control': 'no-store' }).end(keysMode.serve);
      else if (url.pathname === '/keys') response.writeHead(302, { location: keysMode.redirectTo! }).end();
      else response.writeHead(401).end('Unauthorised: internal admin console');
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const hubPort = new URL(hub.baseUrl).port;
    // Only the hub and the relay are allowed, as a development allow-list would allow a local hub.
    credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: testTopicPrefix(),
      env: { OUTBOUND_FETCH_ALLOW: `127.0.0.1:${hubPort},${new URL(relayUrl).host}` },
    });
  });

  afterAll(async () => {
    await credentials.stop();
    await hub.stop();
    relay.closeAllConnections();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
    await listeners.close();
  });

  const trust = (jwksUrl: string, issuerId = 'https://elsewhere.example/issuer') =>
    call(credentials.url, 'POST', '/api/credentials/trust-list', {
      headers: admin,
      body: { issuerId, name: 'Elsewhere', jwksUrl },
    });

  it('refuses trust-list entries whose keys are inside the network, or redirect there, and echoes nothing', async () => {
    const inside = [
      `http://127.0.0.1:${v4Port}/jwks.json`,
      `http://[::1]:${v6Port}/jwks.json`,
      `http://[::ffff:127.0.0.1]:${v4Port}/jwks.json`,
      `http://localhost:${v4Port}/jwks.json`,
      // The service itself, which answers 401 to a request without a token.
      `${credentials.url}/api/credentials/organisations/${randomUUID()}/trust-list`,
    ];
    for (const jwksUrl of inside) {
      const answer = await trust(jwksUrl);
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The issuer’s keys could not be fetched from the JWKS URL given.',
        errors: [
          {
            field: 'jwksUrl',
            message:
              'is not an address this service fetches from: it is inside a private network, not on the internet',
          },
        ],
      });
    }
    const viaRelay = [
      ...inside.map((target) => `${relayUrl}/to?u=${encodeURIComponent(target)}`),
      `${relayUrl}/secret`,
    ];
    for (const jwksUrl of viaRelay) {
      const answer = await trust(jwksUrl);
      expect([answer.status, answer.body.errors]).toEqual([
        422,
        [{ field: 'jwksUrl', message: 'the issuer’s keys could not be fetched from it' }],
      ]);
      expect(JSON.stringify(answer.body)).not.toMatch(/401|Unauthori[sz]ed|admin console|127\.0\.0\.1|::1/);
    }
    expect(listeners.count).toBe(0);
    const list = await ok(call(credentials.url, 'GET', '/api/credentials/trust-list?pageSize=200'));
    expect(list.items.filter((entry: any) => entry.kind === 'external')).toEqual([]);
  });

  it('refuses, when verifying, keys and status lists that have moved inside the network', async () => {
    await ok(trust(`${relayUrl}/keys`, hub.issuerId));
    const statusInside = `http://127.0.0.1:${v4Port}/status/1`;
    const revocable = hub.sign(
      hub.credential({ credentialStatus: statusEntry(statusInside, 4, 'revocation') }),
    );
    const verify = async (credential: string) =>
      ok(call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential } }));
    const check = (result: any, id: string) => result.checks.find((entry: any) => entry.id === id);

    const plain = hub.sign(hub.credential());
    expect((await verify(plain)).status).toBe('valid');
    const withList = await verify(revocable);
    expect([withList.status, check(withList, 'revocation')]).toEqual([
      'unverifiable',
      expect.objectContaining({
        outcome: 'error',
        message: 'Could not check: The issuer’s status list could not be fetched.',
      }),
    ]);

    keysMode = { redirectTo: `http://127.0.0.1:${v4Port}/jwks.json` };
    const moved = await verify(plain);
    expect([moved.status, check(moved, 'key')]).toEqual([
      'unverifiable',
      expect.objectContaining({
        outcome: 'error',
        message: 'Could not check: The issuer’s keys could not be fetched.',
      }),
    ]);
    expect(listeners.count).toBe(0);
  });
});
