import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  achievementCredential,
  type AchievementCredentialInput,
  credentialClaims,
  emptyStatusList,
  generateKey,
  generateSigningKey,
  type GeneratedKey,
  isoSeconds,
  publishedJwk,
  setBit,
  type SignableCredential,
  signJws,
  statusEntry,
  statusListCredential,
  type StatusPurpose,
  type VerificationAlgorithm,
} from '@lib/vc';

/** A key of any algorithm we verify: other hubs need not sign as we do. */
type AnyKey = GeneratedKey<VerificationAlgorithm>;

/**
 * Another Code4Health hub's issuer, for specs and benchmarks: a real HTTP server publishing a JWK set and signed
 * status lists, with keys the test holds, so credentials from outside this system can be made and verified.
 */
export class ExternalIssuer {
  readonly es256: GeneratedKey = generateSigningKey('ES256');
  readonly rs256: GeneratedKey = generateSigningKey('RS256');
  readonly es384: GeneratedKey<'ES384'> = generateKey('ES384');
  readonly eddsa: GeneratedKey<'EdDSA'> = generateKey('EdDSA');
  /** A key of nobody's: not in the JWK set. */
  readonly stranger: GeneratedKey = generateSigningKey('ES256');
  private readonly lists = new Map<string, { purpose: StatusPurpose; set: Set<number>; signWith: AnyKey }>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly name: string,
  ) {}

  static async start(name = 'Code4Health North Hub'): Promise<ExternalIssuer> {
    const issuer: { current?: ExternalIssuer } = {};
    const server = createServer((request, response) => issuer.current!.answer(request.url ?? '/', response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    issuer.current = new ExternalIssuer(server, `http://127.0.0.1:${port}`, name);
    return issuer.current;
  }

  get issuerId(): string {
    return `${this.baseUrl}/issuer`;
  }

  get jwksUrl(): string {
    return `${this.baseUrl}/jwks.json`;
  }

  kidOf(key: AnyKey): string {
    return `${this.issuerId}/keys/${key.thumbprint}`;
  }

  /** A status list this issuer serves, signed by `signWith` (its own ES256 key unless a test says otherwise). */
  addStatusList(name: string, purpose: StatusPurpose, signWith: AnyKey = this.es256): string {
    this.lists.set(name, { purpose, set: new Set(), signWith });
    return `${this.baseUrl}/status/${name}`;
  }

  setStatus(name: string, index: number): void {
    this.lists.get(name)!.set.add(index);
  }

  /** An Open Badges 3.0 credential of this issuer, unsigned; `over` replaces any input field. */
  credential(over: Partial<AchievementCredentialInput> = {}): ReturnType<typeof achievementCredential> {
    const now = new Date();
    return achievementCredential({
      id: `urn:uuid:${randomUUID()}`,
      issuer: { id: this.issuerId, name: this.name },
      validFrom: isoSeconds(new Date(now.getTime() - 60_000)),
      awardedDate: isoSeconds(now),
      subject: {
        id: `urn:uuid:${randomUUID()}`,
        name: 'Grace Hopper',
        email: 'grace@nhs.example',
        emailSalt: 'salt',
      },
      achievement: {
        id: `${this.baseUrl}/achievements/data-in-a-day`,
        name: 'Data in a day',
        description: 'Clean, explore and present a health dataset in a day.',
        criteria: 'Attend the day and pass the assessed notebook.',
        achievementType: 'MicroCredential',
        credits: 5,
        level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
        humanCode: 'NH-DATA-01',
        version: '1',
        resultDescriptions: [
          { id: `${this.baseUrl}/results/mark`, name: 'Overall mark', resultType: 'Percent' },
        ],
      },
      creditsEarned: 5,
      results: [{ resultDescription: `${this.baseUrl}/results/mark`, value: '71' }],
      ...over,
    });
  }

  /**
   * Signs any payload as this issuer would, with any of its keys (or another, for specs that need a bad one). The
   * VC-JWT is the one signCredential makes, signed through signJws so that ES384 and EdDSA work too.
   */
  sign(credential: SignableCredential, key: AnyKey = this.es256, kid = this.kidOf(key)): string {
    return signJws({ alg: key.algorithm, typ: 'JWT', kid }, credentialClaims(credential), key.privateKeyPem);
  }

  statusEntry(name: string, index: number, purpose: StatusPurpose = 'revocation') {
    return statusEntry(`${this.baseUrl}/status/${name}`, index, purpose);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string, response: ServerResponse): void {
    if (path === '/jwks.json') {
      const keys = [this.es256, this.rs256, this.es384, this.eddsa].map((key: AnyKey) =>
        publishedJwk(key.publicJwk, { kid: this.kidOf(key), alg: key.algorithm, iss: this.issuerId }),
      );
      response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=60' });
      response.end(JSON.stringify({ keys }));
      return;
    }
    const list = path.startsWith('/status/') ? this.lists.get(path.slice('/status/'.length)) : undefined;
    if (!list) {
      response.writeHead(404).end();
      return;
    }
    const bits = emptyStatusList();
    for (const index of list.set) setBit(bits, index, true);
    const listCredential = statusListCredential({
      listUrl: `${this.baseUrl}${path}`,
      issuerId: this.issuerId,
      purpose: list.purpose,
      bits,
      validFrom: isoSeconds(new Date()),
      ttlMs: 0,
    });
    response.writeHead(200, { 'content-type': 'application/vc+jwt', 'cache-control': 'no-cache' });
    response.end(this.sign(listCredential, list.signWith));
  }
}
