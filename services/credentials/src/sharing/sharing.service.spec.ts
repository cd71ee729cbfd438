import { asReal, type PublicOf } from '@lib/fakes';
import type { Actor } from '@lib/auth';
import type { ServiceConfig } from '@lib/platform';
import { ConflictException, NotFoundException } from '@nestjs/common';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import type { IssuersService } from '../issuers/issuers.service';
import type { IssuingRepository } from '../issuing/issuing.repository';
import type { ShareLink, ShareLinkWithdrawal } from './share-link.schema';
import type { ShareLinksRepository } from './share-links.repository';
import { shareToken } from './share-token';
import type { CertificateRenderer } from './certificate-renderer';
import { SharingService } from './sharing.service';

/** Share links and withdrawals in two maps, each insert refused when its `_id` is taken, as the unique index does. */
class InMemoryShareLinks implements PublicOf<ShareLinksRepository> {
  readonly links = new Map<string, ShareLink>();
  readonly withdrawals = new Map<string, ShareLinkWithdrawal>();

  insertLink(link: ShareLink): Promise<boolean> {
    return Promise.resolve(insertInto(this.links, link));
  }

  findLink(token: string): Promise<ShareLink | null> {
    return Promise.resolve(this.links.get(token) ?? null);
  }

  linksOf(learnerId: string, pagination: { page: number; pageSize: number }) {
    const mine = [...this.links.values()]
      .filter((link) => link.learnerId === learnerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const start = (pagination.page - 1) * pagination.pageSize;
    return Promise.resolve({
      items: mine.slice(start, start + pagination.pageSize),
      total: mine.length,
      ...pagination,
    });
  }

  certificateLinksOf(credentialId: string): Promise<ShareLink[]> {
    return Promise.resolve(
      [...this.links.values()]
        .filter((link) => link.credentialId === credentialId && link.purpose === 'certificate')
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    );
  }

  insertWithdrawal(withdrawal: ShareLinkWithdrawal): Promise<boolean> {
    return Promise.resolve(insertInto(this.withdrawals, withdrawal));
  }

  findWithdrawal(token: string): Promise<ShareLinkWithdrawal | null> {
    return Promise.resolve(this.withdrawals.get(token) ?? null);
  }

  withdrawalsOf(tokens: readonly string[]): Promise<ShareLinkWithdrawal[]> {
    return Promise.resolve(tokens.flatMap((token) => this.withdrawals.get(token) ?? []));
  }
}

/** The one issuing read sharing makes: a credential by its id. */
class InMemoryIssuedCredentials implements Pick<IssuingRepository, 'credentialById'> {
  readonly credentials = new Map<string, IssuedCredential>();

  credentialById(credentialId: string): Promise<IssuedCredential | null> {
    return Promise.resolve(this.credentials.get(credentialId) ?? null);
  }
}

function insertInto<T extends { _id: string }>(records: Map<string, T>, record: T): boolean {
  if (records.has(record._id)) return false;
  records.set(record._id, structuredClone(record));
  return true;
}

const BASE = 'https://credits.example.ac.uk';
const ada: Actor = { sub: 'learner-ada', roles: ['learner'] };
const bea: Actor = { sub: 'learner-bea', roles: ['learner'] };
const credentialId = 'urn:uuid:0b6f5c1e-4a8e-4d6a-9a0c-2f1e3d4c5b6a';

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A VC-JWT shaped like ours; sharing decodes it but never checks its signature. */
function credentialOf(learnerId: string): IssuedCredential {
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'App building in a day',
    credentialSubject: { type: ['AchievementSubject'], achievement: { name: 'App building in a day' } },
  };
  const claims = {
    iss: `${BASE}/api/credentials/issuers/x`,
    jti: credentialId,
    sub: learnerId,
    nbf: 1,
    iat: 1,
    exp: 9,
  };
  return {
    credentialId,
    learnerId,
    jwt: `${part({ alg: 'ES256', typ: 'vc+jwt' })}.${part({ ...vc, ...claims })}.c2lnbmF0dXJl`,
  } as IssuedCredential;
}

describe('SharingService', () => {
  let links: InMemoryShareLinks;
  let issued: InMemoryIssuedCredentials;
  let sharing: SharingService;

  beforeEach(() => {
    links = new InMemoryShareLinks();
    issued = new InMemoryIssuedCredentials();
    issued.credentials.set(credentialId, credentialOf(ada.sub));
    const config: Pick<ServiceConfig, 'publicBaseUrl'> = { publicBaseUrl: BASE };
    sharing = new SharingService(
      // Sharing reads issued credentials by id only; the fake offers just that.
      issued as Pick<IssuingRepository, 'credentialById'> as IssuingRepository,
      asReal<ShareLinksRepository>(links),
      config as ServiceConfig,
      // Certificates are drawn in a worker thread when the service runs; these specs never draw one.
      {} as CertificateRenderer,
      // Nor do they download the Data Integrity form, which the integration specs sign with the issuer's key.
      {} as IssuersService,
    );
  });

  it('makes an unguessable link to the learner’s own credential, opening the public verification page', async () => {
    const view = await sharing.share(ada, credentialId);
    expect(shareToken.safeParse(view.token).success).toBe(true);
    expect(view).toEqual({
      token: view.token,
      credentialId,
      purpose: 'share',
      url: `${BASE}/verify?share=${view.token}`,
      dataUrl: `${BASE}/api/credentials/shared/${view.token}`,
      createdAt: expect.any(String) as unknown,
    });
    expect(links.links.get(view.token)).toMatchObject({ learnerId: ada.sub, credentialId });
  });

  it.each([
    ['the credential is another learner’s', bea, credentialId],
    ['there is no such credential', ada, 'urn:uuid:00000000-0000-4000-8000-000000000000'],
  ])('refuses to share when %s', async (_case, actor, id) => {
    await expect(sharing.share(actor, id)).rejects.toThrow(NotFoundException);
    expect(links.links.size).toBe(0);
  });

  it('shows the signed credential, decoded without its JWT claims, while the link is live', async () => {
    const { token } = await sharing.share(ada, credentialId);
    const shown = await sharing.open(token);
    expect(shown.jwt).toBe(issued.credentials.get(credentialId)!.jwt);
    expect(shown.credential).toEqual(expect.objectContaining({ name: 'App building in a day' }));
    for (const claim of ['iss', 'jti', 'sub', 'nbf', 'iat', 'exp'])
      expect(shown.credential).not.toHaveProperty(claim);
    expect(shown.envelope.id).toBe(`data:application/vc+jwt,${shown.jwt}`);
  });

  it('shows nothing once the link is withdrawn, or for a token never given', async () => {
    const { token } = await sharing.share(ada, credentialId);
    await sharing.withdraw(ada, token);
    await expect(sharing.open(token)).rejects.toThrow(NotFoundException);
    await expect(sharing.open('A'.repeat(32))).rejects.toThrow(NotFoundException);
  });

  it('lets only the learner withdraw a link, and only once', async () => {
    const { token } = await sharing.share(ada, credentialId);
    await expect(sharing.withdraw(bea, token)).rejects.toThrow(NotFoundException);
    await sharing.withdraw(ada, token);
    await expect(sharing.withdraw(ada, token)).rejects.toThrow(ConflictException);
  });

  it('lists the learner’s links newest first, the withdrawn ones with when', async () => {
    const first = await sharing.share(ada, credentialId);
    links.links.get(first.token)!.createdAt = new Date('2026-01-01T00:00:00Z');
    const second = await sharing.share(ada, credentialId);
    await sharing.withdraw(ada, first.token);
    const page = await sharing.linksOf(ada, { page: 1, pageSize: 50 });
    expect(page.total).toBe(2);
    expect(page.items.map((link) => [link.token, link.withdrawnAt !== undefined])).toEqual([
      [second.token, false],
      [first.token, true],
    ]);
    expect((await sharing.linksOf(bea, { page: 1, pageSize: 50 })).total).toBe(0);
  });

  it.each([
    ['jwt', 'application/vc+jwt', '.jwt'],
    ['json', 'application/json', '.json'],
  ] as const)('downloads the %s file with its name and type', async (format, contentType, extension) => {
    const file = await sharing.download(ada, credentialId, format);
    expect(file.contentType).toBe(contentType);
    expect(file.fileName).toBe(`credential-0b6f5c1e-4a8e-4d6a-9a0c-2f1e3d4c5b6a${extension}`);
    const jwt = issued.credentials.get(credentialId)!.jwt;
    if (format === 'jwt') expect(file.body).toBe(jwt);
    else expect(JSON.parse(String(file.body))).toMatchObject({ credentialId, jwt });
  });

  it('keeps one certificate link for the QR code, and makes a new one after the learner withdraws it', async () => {
    const credential = issued.credentials.get(credentialId)!;
    const first = await sharing.certificateLink(credential);
    expect(await sharing.certificateLink(credential)).toEqual(first);
    expect(first).toMatchObject({ purpose: 'certificate', learnerId: ada.sub, credentialId });

    await sharing.withdraw(ada, first._id);
    const second = await sharing.certificateLink(credential);
    expect(second._id).not.toBe(first._id);
    expect(await sharing.certificateLink(credential)).toEqual(second);
  });
});
