import { Registry } from 'prom-client';
import { CredentialMetrics } from '../common/credential-metrics';
import { asReal, type PublicOf } from '@lib/fakes';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import type { Actor } from '@lib/auth';
import type { ServiceConfig, ServiceMetrics } from '@lib/platform';
import { type ConnectTarget, GuardedFetch, HttpSource, parseAllowList } from '@lib/vc';
import {
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
  type HttpException,
} from '@nestjs/common';
import type { Issuer } from '../issuers/issuer.schema';
import type { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import { LocalKeyEncrypter } from '../issuers/key-encryption';
import { IssuerKeysCheck } from './issuer-keys-check';
import type { TrustListRepository } from './trust-list.repository';
import { TrustListService } from './trust-list.service';
import { trustedIssuerId } from './trust-list-keys';
import type { TrustedIssuer } from './trusted-issuer.schema';

/** Trust-list entries by `_id`; a removed entry stays, as in the database, until it is added again. */
class InMemoryTrustList implements Omit<PublicOf<TrustListRepository>, 'legacyEntries' | 'moveLegacyEntry'> {
  readonly entries = new Map<string, TrustedIssuer>();

  liveEntriesOf(trustedBy: string): Promise<TrustedIssuer[]> {
    return Promise.resolve(
      [...this.entries.values()]
        .filter((entry) => entry.trustedBy === trustedBy && !entry.removedAt)
        .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime()),
    );
  }

  liveEntriesFor(issuerId: string, lists: readonly string[]): Promise<TrustedIssuer[]> {
    return Promise.resolve(
      lists
        .map((list) => this.entries.get(trustedIssuerId(list, issuerId)))
        .filter((entry): entry is TrustedIssuer => entry !== undefined && !entry.removedAt),
    );
  }

  add(entry: TrustedIssuer): Promise<boolean> {
    const existing = this.entries.get(entry._id);
    if (existing && !existing.removedAt) return Promise.resolve(false);
    this.entries.set(entry._id, { ...entry });
    return Promise.resolve(true);
  }

  markRemoved(trustedBy: string, issuerId: string, removedBy: string, removedAt: Date): Promise<boolean> {
    const id = trustedIssuerId(trustedBy, issuerId);
    const existing = this.entries.get(id);
    if (!existing || existing.removedAt) return Promise.resolve(false);
    this.entries.set(id, { ...existing, removedBy, removedAt });
    return Promise.resolve(true);
  }
}

/** The reads of our own issuers the trust list makes. */
class InMemoryIssuers implements Pick<IssuersRepository, 'allIssuers' | 'findIssuer'> {
  readonly issuers: Issuer[] = [];

  allIssuers(): Promise<Issuer[]> {
    return Promise.resolve([...this.issuers]);
  }

  findIssuer(id: string): Promise<Issuer | null> {
    return Promise.resolve(this.issuers.find((issuer) => issuer._id === id) ?? null);
  }
}

const BASE = 'https://credits.example.ac.uk';
const universityA = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const universityB = '0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d';
const registrarA: Actor = { sub: 'registrar-a', roles: ['registrar'], org: universityA };
const registrarB: Actor = { sub: 'registrar-b', roles: ['registrar'], org: universityB };
const admin: Actor = { sub: 'admin-1', roles: ['admin'] };
/** What the spec's resolver answers for the hub: an internet address, which the spec's connector never dials. */
const HUB_ADDRESS = '93.184.216.34';

describe('TrustListService', () => {
  let entries: InMemoryTrustList;
  let trustList: TrustListService;
  let hubServer: HttpServer;
  let hubPort: number;
  let counter: Server;
  let counterPort: number;
  let counted = 0;
  let connects: ConnectTarget[];
  let hub: { issuerId: string; name: string; jwksUrl: string };

  beforeAll(async () => {
    // Stands in for the hub on the internet: the connector takes connections for HUB_ADDRESS here instead.
    hubServer = createHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://hub.example.org');
      if (url.pathname === '/jwks.json')
        response.writeHead(200, { 'cache-control': 'no-store' }).end('{"keys":[{"kty":"EC"}]}');
      else if (url.pathname === '/to')
        response.writeHead(302, { location: url.searchParams.get('u')! }).end();
      else if (url.pathname === '/empty') response.writeHead(200).end('{"keys":[]}');
      else response.writeHead(401).end('the admin console of an inside service');
    });
    await new Promise<void>((resolve) => hubServer.listen(0, '127.0.0.1', resolve));
    hubPort = (hubServer.address() as AddressInfo).port;
    counter = createServer((socket) => {
      counted += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    counterPort = (counter.address() as AddressInfo).port;
    hub = {
      issuerId: 'https://hub.example.org/issuer',
      name: 'North Hub',
      jwksUrl: `http://hub.example.org:${hubPort}/jwks.json`,
    };
  });

  afterAll(async () => {
    hubServer.closeAllConnections();
    for (const server of [hubServer, counter])
      await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    connects = [];
    entries = new InMemoryTrustList();
    const own = new InMemoryIssuers();
    own.issuers.push({ _id: universityA, name: 'University A', createdAt: new Date() });
    own.issuers.push({ _id: universityB, name: 'University B', createdAt: new Date() });
    const ownIssuers = own as Pick<IssuersRepository, 'allIssuers'> as IssuersRepository;
    const config = { publicBaseUrl: BASE } as Pick<ServiceConfig, 'publicBaseUrl'> as ServiceConfig;
    const issuers = new IssuersService(
      ownIssuers,
      new LocalKeyEncrypter(randomBytes(32), 'kek-1'),
      config,
      new CredentialMetrics({ registry: new Registry() } as ServiceMetrics),
    );
    // The fetch client verification uses, with its resolver and connector injected: no socket leaves this machine.
    const fetcher = new GuardedFetch({
      allow: parseAllowList('').list,
      timeoutMs: 10_000,
      resolve: (hostname) =>
        Promise.resolve(
          hostname === 'hub.example.org'
            ? [HUB_ADDRESS]
            : hostname === 'inside.example.org'
              ? ['127.0.0.1']
              : [],
        ),
      connect: (target) => {
        connects.push(target);
        if (target.address === HUB_ADDRESS) return connect({ host: '127.0.0.1', port: hubPort });
        if (target.address === '127.0.0.1') return connect({ host: '127.0.0.1', port: target.port });
        throw new Error('this spec dials no address off this machine');
      },
    });
    const keysCheck = new IssuerKeysCheck(new HttpSource({ fetcher }));
    trustList = new TrustListService(asReal<TrustListRepository>(entries), issuers, ownIssuers, keysCheck);
  });

  const page = { page: 1, pageSize: 50 };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: HttpException) => [error.getStatus(), error.getResponse()],
    );

  it('keeps each awarding body’s entries on its own list, for its own registrars only', async () => {
    await trustList.addForBody(registrarA, universityA, hub);
    expect(await trustList.jwksUrlFor(hub.issuerId, universityA)).toBe(hub.jwksUrl);
    expect(await trustList.jwksUrlFor(hub.issuerId, universityB)).toBeUndefined();
    expect(await trustList.jwksUrlFor(hub.issuerId)).toBeUndefined();

    await expect(trustList.bodyList(registrarB, universityA, page)).rejects.toThrow(NotFoundException);
    await expect(trustList.addForBody(registrarB, universityA, hub)).rejects.toThrow(NotFoundException);
    await expect(trustList.removeForBody(registrarB, universityA, hub.issuerId)).rejects.toThrow(
      NotFoundException,
    );
    await expect(trustList.removeForBody(registrarB, universityB, hub.issuerId)).rejects.toThrow(
      NotFoundException,
    );
    await expect(trustList.bodyList(admin, universityA, page)).rejects.toThrow(NotFoundException);
    expect(await trustList.jwksUrlFor(hub.issuerId, universityA)).toBe(hub.jwksUrl);

    const listOfA = await trustList.bodyList(registrarA, universityA, page);
    const listOfB = await trustList.bodyList(registrarB, universityB, page);
    expect(listOfA.items.map((entry) => [entry.kind, entry.name, entry.trustedBy])).toEqual([
      ['own', 'University A', 'hub'],
      ['own', 'University B', 'hub'],
      ['external', 'North Hub', 'organisation'],
    ]);
    expect(listOfB.total).toBe(2);
    expect((await trustList.hubList(page)).total).toBe(2);
  });

  it('lets an admin publish hub-wide entries, which every awarding body trusts', async () => {
    const added = await trustList.addToHub(admin, hub);
    expect(added).toEqual({
      ...hub,
      kind: 'external',
      trustedBy: 'hub',
      addedAt: expect.any(String) as unknown,
    });
    expect(entries.entries.get(`hub:${hub.issuerId}`)).toMatchObject({ addedBy: 'admin-1' });
    for (const body of [undefined, universityA, universityB])
      expect(await trustList.jwksUrlFor(hub.issuerId, body)).toBe(hub.jwksUrl);
    expect((await trustList.hubList(page)).items.map((entry) => entry.name)).toEqual([
      'University A',
      'University B',
      'North Hub',
    ]);
    // A body's own entry for the same issuer is what that body's verifications use.
    const ownUrl = `http://hub.example.org:${hubPort}/jwks.json?v=2`;
    await trustList.addForBody(registrarA, universityA, { ...hub, jwksUrl: ownUrl });
    expect(await trustList.jwksUrlFor(hub.issuerId, universityA)).toBe(ownUrl);
    expect(await trustList.jwksUrlFor(hub.issuerId, universityB)).toBe(hub.jwksUrl);
  });

  it.each([
    ['one of our own awarding bodies', `${BASE}/api/credentials/issuers/${universityA}`, /trusted already/],
    ['an issuer on the list already', 'https://hub.example.org/issuer', /on this trust list already/],
  ])('refuses to add %s', async (_case, issuerId, message) => {
    await trustList.addForBody(registrarA, universityA, hub);
    const again = () => trustList.addForBody(registrarA, universityA, { ...hub, issuerId });
    await expect(again()).rejects.toThrow(ConflictException);
    await expect(again()).rejects.toThrow(message);
  });

  it('stops trusting a removed issuer, keeps who removed it, and lets it be added again', async () => {
    await trustList.addForBody(registrarA, universityA, hub);
    await trustList.removeForBody(registrarA, universityA, hub.issuerId);
    expect(entries.entries.get(`${universityA}:${hub.issuerId}`)).toMatchObject({ removedBy: 'registrar-a' });
    expect(await trustList.jwksUrlFor(hub.issuerId, universityA)).toBeUndefined();
    await expect(trustList.removeForBody(registrarA, universityA, hub.issuerId)).rejects.toThrow(
      NotFoundException,
    );
    await trustList.addForBody(registrarA, universityA, hub);
    expect(await trustList.jwksUrlFor(hub.issuerId, universityA)).toBe(hub.jwksUrl);
  });

  it('refuses a JWKS URL inside the network, or one redirecting there, before connecting to it', async () => {
    const inside = [
      `http://127.0.0.1:${counterPort}/jwks.json`,
      'http://10.0.0.1/jwks.json',
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${counterPort}/jwks.json`,
      `http://[::ffff:127.0.0.1]:${counterPort}/jwks.json`,
      `http://inside.example.org:${counterPort}/jwks.json`,
    ];
    for (const jwksUrl of inside)
      expect(await refusal(trustList.addForBody(registrarA, universityA, { ...hub, jwksUrl }))).toEqual([
        422,
        {
          message: 'The issuer’s keys could not be fetched from the JWKS URL given.',
          errors: [
            {
              field: 'jwksUrl',
              message:
                'is not an address this service fetches from: it is inside a private network, not on the internet',
            },
          ],
        },
      ]);
    // Where a redirect leads is the remote's answer: it is not repeated, nor is what an inside address answers.
    const viaHub = inside.map(
      (target) => `http://hub.example.org:${hubPort}/to?u=${encodeURIComponent(target)}`,
    );
    for (const jwksUrl of [...viaHub, `http://hub.example.org:${hubPort}/secret`])
      expect(await refusal(trustList.addForBody(registrarA, universityA, { ...hub, jwksUrl }))).toEqual([
        422,
        {
          message: 'The issuer’s keys could not be fetched from the JWKS URL given.',
          errors: [{ field: 'jwksUrl', message: 'the issuer’s keys could not be fetched from it' }],
        },
      ]);
    expect(connects.every((target) => target.address === HUB_ADDRESS)).toBe(true);
    expect(connects).toHaveLength(viaHub.length + 1);
    expect(counted).toBe(0);
    expect(entries.entries.size).toBe(0);
  });

  it('refuses a JWKS URL whose answer holds no key', async () => {
    const empty = trustList.addToHub(admin, { ...hub, jwksUrl: `http://hub.example.org:${hubPort}/empty` });
    await expect(empty).rejects.toThrow(UnprocessableEntityException);
    expect(entries.entries.size).toBe(0);
  });
});
