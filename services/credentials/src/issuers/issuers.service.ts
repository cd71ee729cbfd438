import { createPrivateKey } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { ReadCache } from '@lib/persistence';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import {
  generateSigningKey,
  type PublishedJwk,
  publishedJwk,
  type SigningAlgorithm,
  type SigningKey,
} from '@lib/vc';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Issuer, SigningKeyRecord } from './issuer.schema';
import { IssuersRepository } from './issuers.repository';
import { KEY_ENCRYPTER } from './key-encrypter.provider';
import type { KeyEncrypter } from './key-encryption';

export interface KeyView {
  kid: string;
  alg: SigningAlgorithm;
  createdAt: string;
  active: boolean;
}

/**
 * How long an issuer's active key is reused from memory. A key rotated by another instance is used here from
 * then on at the latest; the old key stays published, so what is signed meanwhile still verifies.
 */
const ACTIVE_KEY_TTL_MS = 60_000;

/** Issuer profiles and their signing keys; public URLs are built from the one configured public base URL. */
@Injectable()
export class IssuersService {
  /** Each issuer's active key, decrypted and parsed once: signing is per credential, reading the key is not. */
  private readonly activeKeys = new ReadCache<SigningKey | null>(ACTIVE_KEY_TTL_MS, (key) => key !== null);
  /** Issuer records are never changed after their insert. */
  private readonly records = new ReadCache<Issuer | null>(Infinity, (issuer) => issuer !== null);

  constructor(
    private readonly issuers: IssuersRepository,
    @Inject(KEY_ENCRYPTER) private readonly encrypter: KeyEncrypter,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  issuerUrl(issuerId: string): string {
    return `${this.config.publicBaseUrl}/api/credentials/issuers/${issuerId}`;
  }

  /** The organisation id behind one of our issuer URLs; undefined for any other URL. */
  ownIssuerIdOf(issuerUrl: string): string | undefined {
    const prefix = this.issuerUrl('');
    const id = issuerUrl.startsWith(prefix) ? issuerUrl.slice(prefix.length) : '';
    return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
  }

  /** Every key of every issuer of ours, on the public origin. */
  jwksUrl(): string {
    return `${this.config.publicBaseUrl}/.well-known/jwks.json`;
  }

  statusListsUrl(): string {
    return `${this.config.publicBaseUrl}/api/credentials/status-lists`;
  }

  /** What a credential's issuer Profile is built from. */
  async profileInput(
    issuerId: string,
  ): Promise<{ name: string; url?: string; email?: string; ukprn?: string }> {
    const issuer = await this.records.get(issuerId, () => this.issuers.findIssuer(issuerId));
    if (!issuer) throw new Error(`issuer ${issuerId} is not known`);
    return {
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(issuer.email ? { email: issuer.email } : {}),
      ...(issuer.ukprn ? { ukprn: issuer.ukprn } : {}),
    };
  }

  kidUrl(key: Pick<SigningKeyRecord, 'issuerId' | '_id'>): string {
    return `${this.issuerUrl(key.issuerId)}/keys/${key._id}`;
  }

  /** Makes an awarding body an issuer with a first ES256 key; repeated calls change nothing. */
  async register(issuer: Issuer, by: string): Promise<void> {
    await this.issuers.insertIssuer(issuer);
    if ((await this.issuers.keysOf(issuer._id)).length === 0) await this.addKey(issuer._id, 'ES256', by);
  }

  /** Whether an organisation is an issuer with a key to sign with. */
  async isIssuer(issuerId: string): Promise<boolean> {
    return (await this.activeKey(issuerId)) !== null;
  }

  /** Rotation: a new key becomes active; the old ones stay published. */
  async rotate(actor: Actor, issuerId: string, algorithm: SigningAlgorithm): Promise<KeyView> {
    await this.requireOwnIssuer(actor, issuerId);
    const key = await this.addKey(issuerId, algorithm, actor.sub);
    return {
      kid: this.kidUrl(key),
      alg: key.algorithm,
      createdAt: key.createdAt.toISOString(),
      active: true,
    };
  }

  async keys(actor: Actor, issuerId: string): Promise<KeyView[]> {
    await this.requireOwnIssuer(actor, issuerId);
    return (await this.issuers.keysOf(issuerId)).map((key, index) => ({
      kid: this.kidUrl(key),
      alg: key.algorithm,
      createdAt: key.createdAt.toISOString(),
      active: index === 0,
    }));
  }

  /** The public Open Badges Profile served at the issuer's id URL. */
  async profile(issuerId: string) {
    const issuer = await this.issuers.findIssuer(issuerId);
    if (!issuer) throw new NotFoundException(`No issuer ${issuerId}.`);
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: this.issuerUrl(issuer._id),
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(issuer.email ? { email: issuer.email } : {}),
      ...(issuer.ukprn
        ? {
            otherIdentifier: [
              { type: 'IdentifierEntry', identifier: issuer.ukprn, identifierType: 'ext:UKPRN' },
            ],
          }
        : {}),
    };
  }

  async publicKey(issuerId: string, keyId: string): Promise<PublishedJwk> {
    const key = await this.issuers.findKey(keyId);
    if (!key || key.issuerId !== issuerId)
      throw new NotFoundException(`No key ${keyId} of issuer ${issuerId}.`);
    return this.published(key);
  }

  /** Every issuer's current and retired public keys. */
  async keySet(): Promise<{ keys: PublishedJwk[] }> {
    return { keys: (await this.issuers.allKeys()).map((key) => this.published(key)) };
  }

  /** The active key of an issuer, decrypted for signing; never logged, never returned by an API. */
  async signingKey(issuerId: string): Promise<SigningKey> {
    const key = await this.activeKey(issuerId);
    if (!key) throw new Error(`issuer ${issuerId} has no signing key`);
    return key;
  }

  private activeKey(issuerId: string): Promise<SigningKey | null> {
    return this.activeKeys.get(issuerId, async () => {
      const [active] = await this.issuers.keysOf(issuerId);
      if (!active) return null;
      return {
        algorithm: active.algorithm,
        kid: this.kidUrl(active),
        privateKey: createPrivateKey(this.encrypter.decrypt(active.encryptedPrivateKey)),
      };
    });
  }

  private published(key: SigningKeyRecord): PublishedJwk {
    return publishedJwk(key.publicJwk, {
      kid: this.kidUrl(key),
      alg: key.algorithm,
      iss: this.issuerUrl(key.issuerId),
    });
  }

  private async addKey(issuerId: string, algorithm: SigningAlgorithm, by: string): Promise<SigningKeyRecord> {
    const generated = generateSigningKey(algorithm);
    const key: SigningKeyRecord = {
      _id: generated.thumbprint,
      issuerId,
      algorithm,
      publicJwk: generated.publicJwk as Record<string, string>,
      encryptedPrivateKey: this.encrypter.encrypt(generated.privateKeyPem),
      createdBy: by,
      createdAt: new Date(),
    };
    await this.issuers.insertKey(key);
    this.activeKeys.forget(issuerId);
    return key;
  }

  private async requireOwnIssuer(actor: Actor, issuerId: string): Promise<void> {
    if (actor.org !== issuerId || !(await this.issuers.findIssuer(issuerId))) {
      throw new NotFoundException(`No issuer ${issuerId} that you can see.`);
    }
  }
}
