import { asReal, type PublicOf } from '@lib/fakes';
import { randomBytes } from 'node:crypto';
import type { Actor } from '@lib/auth';
import type { ServiceConfig } from '@lib/platform';
import { ConflictException, NotFoundException } from '@nestjs/common';
import type { Issuer } from '../issuers/issuer.schema';
import type { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import { LocalKeyEncrypter } from '../issuers/key-encryption';
import type { TrustListRepository } from './trust-list.repository';
import { TrustListService } from './trust-list.service';
import type { TrustedIssuer } from './trusted-issuer.schema';

/** Trust-list entries by issuer id; a removed entry stays, as in the database, until it is added again. */
class InMemoryTrustList implements PublicOf<TrustListRepository> {
  readonly entries = new Map<string, TrustedIssuer>();

  liveEntries(): Promise<TrustedIssuer[]> {
    return Promise.resolve(
      [...this.entries.values()]
        .filter((entry) => !entry.removedAt)
        .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime()),
    );
  }

  findEntry(issuerId: string): Promise<TrustedIssuer | null> {
    return Promise.resolve(this.entries.get(issuerId) ?? null);
  }

  add(entry: TrustedIssuer): Promise<boolean> {
    const existing = this.entries.get(entry._id);
    if (existing && !existing.removedAt) return Promise.resolve(false);
    this.entries.set(entry._id, { ...entry });
    return Promise.resolve(true);
  }

  markRemoved(issuerId: string, removedBy: string, removedAt: Date): Promise<boolean> {
    const existing = this.entries.get(issuerId);
    if (!existing || existing.removedAt) return Promise.resolve(false);
    this.entries.set(issuerId, { ...existing, removedBy, removedAt });
    return Promise.resolve(true);
  }
}

/** The one read of our own issuers the trust list makes. */
class InMemoryIssuers implements Pick<IssuersRepository, 'allIssuers'> {
  readonly issuers: Issuer[] = [];

  allIssuers(): Promise<Issuer[]> {
    return Promise.resolve([...this.issuers]);
  }
}

const BASE = 'https://credits.example.ac.uk';
const university = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const registrar: Actor = { sub: 'registrar-1', roles: ['registrar'], org: university };
const hub = {
  issuerId: 'https://hub.example.org/issuer',
  name: 'North Hub',
  jwksUrl: 'https://hub.example.org/jwks',
};

describe('TrustListService', () => {
  let entries: InMemoryTrustList;
  let trustList: TrustListService;

  beforeEach(() => {
    entries = new InMemoryTrustList();
    const own = new InMemoryIssuers();
    own.issuers.push({ _id: university, name: 'University of Example', createdAt: new Date() });
    const ownIssuers = own as Pick<IssuersRepository, 'allIssuers'> as IssuersRepository;
    const config = { publicBaseUrl: BASE } as Pick<ServiceConfig, 'publicBaseUrl'> as ServiceConfig;
    const issuers = new IssuersService(ownIssuers, new LocalKeyEncrypter(randomBytes(32), 'kek-1'), config);
    trustList = new TrustListService(asReal<TrustListRepository>(entries), issuers, ownIssuers);
  });

  it('lists our own awarding bodies first, then the external issuers in the order they were added', async () => {
    await trustList.add(registrar, hub);
    await trustList.add(registrar, {
      ...hub,
      issuerId: 'https://south.example.org/issuer',
      name: 'South Hub',
    });
    const page = await trustList.list({ page: 1, pageSize: 50 });
    expect(page.total).toBe(3);
    expect(page.items.map((entry) => [entry.kind, entry.name])).toEqual([
      ['own', 'University of Example'],
      ['external', 'North Hub'],
      ['external', 'South Hub'],
    ]);
    expect(page.items[0]).toEqual({
      issuerId: `${BASE}/api/credentials/issuers/${university}`,
      name: 'University of Example',
      jwksUrl: `${BASE}/.well-known/jwks.json`,
      kind: 'own',
    });
  });

  it('adds an external issuer with who added it, and answers its JWKS URL', async () => {
    const added = await trustList.add(registrar, hub);
    expect(added).toEqual({ ...hub, kind: 'external', addedAt: expect.any(String) as unknown });
    expect(entries.entries.get(hub.issuerId)).toMatchObject({
      addedBy: 'registrar-1',
      addedByOrganisation: university,
    });
    expect(await trustList.externalJwksUrl(hub.issuerId)).toBe(hub.jwksUrl);
  });

  it.each([
    ['one of our own awarding bodies', `${BASE}/api/credentials/issuers/${university}`, /trusted already/],
    ['an issuer on the list already', hub.issuerId, /on the trust list already/],
  ])('refuses to add %s', async (_case, issuerId, message) => {
    await trustList.add(registrar, hub);
    await expect(trustList.add(registrar, { ...hub, issuerId })).rejects.toThrow(ConflictException);
    await expect(trustList.add(registrar, { ...hub, issuerId })).rejects.toThrow(message);
  });

  it('stops trusting a removed issuer, keeps who removed it, and lets it be added again', async () => {
    await trustList.add(registrar, hub);
    await trustList.remove(registrar, hub.issuerId);
    expect(entries.entries.get(hub.issuerId)).toMatchObject({ removedBy: 'registrar-1' });
    expect(await trustList.externalJwksUrl(hub.issuerId)).toBeUndefined();
    expect((await trustList.list({ page: 1, pageSize: 50 })).total).toBe(1);

    await trustList.add(registrar, { ...hub, jwksUrl: 'https://hub.example.org/keys' });
    expect(await trustList.externalJwksUrl(hub.issuerId)).toBe('https://hub.example.org/keys');
  });

  it('refuses to remove an issuer that is not on the list, or is removed already', async () => {
    await expect(trustList.remove(registrar, hub.issuerId)).rejects.toThrow(NotFoundException);
    await trustList.add(registrar, hub);
    await trustList.remove(registrar, hub.issuerId);
    await expect(trustList.remove(registrar, hub.issuerId)).rejects.toThrow(NotFoundException);
  });
});
