import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { ReadCache } from '@lib/persistence';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import {
  ed25519PublicKeyMultibase,
  generateKey,
  generateSigningKey,
  type IssuerKeyAlgorithm,
  type JsonLdDocument,
  type PublishedJwk,
  publishedJwk,
  publicKeyFromJwk,
  signDataIntegrity,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  type SigningKey,
} from '@lib/vc';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { didWebOf } from './did-web';
import type { Issuer, SigningKeyRecord } from './issuer.schema';
import { IssuersRepository } from './issuers.repository';
import { KEY_ENCRYPTER } from './key-encrypter.provider';
import type { KeyEncrypter } from './key-encryption';

/** An issuer's Data Integrity key, decrypted for signing, with the verification method that names it. */
export interface ProofKey {
  readonly verificationMethod: string;
  readonly privateKey: KeyObject;
}

/** ES256 and RS256 keys sign VC-JWTs; the Ed25519 ones sign Data Integrity proofs. */
function isJwtKey(key: Pick<SigningKeyRecord, 'algorithm'>): boolean {
  return (SIGNING_ALGORITHMS as readonly string[]).includes(key.algorithm);
}

export interface KeyView {
  kid: string;
  alg: IssuerKeyAlgorithm;
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
  /** Each issuer's active Data Integrity (Ed25519) key, likewise. */
  private readonly activeProofKeys = new ReadCache<ProofKey>(ACTIVE_KEY_TTL_MS, () => true);
  /** `did:web:<host>:<path of the issuer URLs>:`: an issuer's DID is this and its id; read once, as the config. */
  private readonly didPrefix: string;
  /** Issuer records are never changed after their insert. */
  private readonly records = new ReadCache<Issuer | null>(Infinity, (issuer) => issuer !== null);

  constructor(
    private readonly issuers: IssuersRepository,
    @Inject(KEY_ENCRYPTER) private readonly encrypter: KeyEncrypter,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: CredentialMetrics,
  ) {
    this.didPrefix = `${didWebOf(this.issuerUrl(''))}:`;
  }

  issuerUrl(issuerId: string): string {
    return `${this.config.publicBaseUrl}/api/credentials/issuers/${issuerId}`;
  }

  /**
   * The issuer's DID (did:web), which resolves to `<issuer URL>/did.json`: the id of its Data Integrity credentials,
   * whose verification methods must be controlled by their issuer.
   */
  issuerDid(issuerId: string): string {
    return `${this.didPrefix}${issuerId}`;
  }

  /** The organisation id behind one of our issuer URLs or DIDs; undefined for any other. */
  ownIssuerIdOf(issuerUrlOrDid: string): string | undefined {
    for (const prefix of [this.issuerUrl(''), this.didPrefix]) {
      const id = issuerUrlOrDid.startsWith(prefix) ? issuerUrlOrDid.slice(prefix.length) : '';
      if (/^[0-9a-f-]{36}$/.test(id)) return id;
    }
    return undefined;
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

  /** Makes an awarding body an issuer with a first ES256 key (and its Ed25519 key); repeated calls change nothing. */
  async register(issuer: Issuer, by: string): Promise<void> {
    await this.issuers.insertIssuer(issuer);
    const keys = await this.issuers.keysOf(issuer._id);
    if (!keys.some(isJwtKey)) await this.addKey(issuer._id, 'ES256', by);
    if (!keys.some((key) => key.algorithm === 'Ed25519')) await this.addKey(issuer._id, 'Ed25519', by);
  }

  /** Whether an organisation is an issuer with a key to sign with. */
  async isIssuer(issuerId: string): Promise<boolean> {
    return (await this.activeKey(issuerId)) !== null;
  }

  /** Rotation: a new key becomes active; the old ones stay published. */
  async rotate(actor: Actor, issuerId: string, algorithm: IssuerKeyAlgorithm): Promise<KeyView> {
    await this.requireOwnIssuer(actor, issuerId);
    const key = await this.addKey(issuerId, algorithm, actor.sub);
    return {
      kid: this.keyIdOf(key),
      alg: key.algorithm,
      createdAt: key.createdAt.toISOString(),
      active: true,
    };
  }

  async keys(actor: Actor, issuerId: string): Promise<KeyView[]> {
    await this.requireOwnIssuer(actor, issuerId);
    const keys = await this.issuers.keysOf(issuerId);
    const active = new Set([keys.find(isJwtKey), keys.find((key) => !isJwtKey(key))]);
    return keys.map((key) => ({
      kid: this.keyIdOf(key),
      alg: key.algorithm,
      createdAt: key.createdAt.toISOString(),
      active: active.has(key),
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
    // Data Integrity keys are published in the issuer's DID document, not as VC-JWT keys.
    if (!key || key.issuerId !== issuerId || !isJwtKey(key))
      throw new NotFoundException(`No key ${keyId} of issuer ${issuerId}.`);
    return this.published(key);
  }

  /** Every issuer's current and retired public keys. */
  async keySet(): Promise<{ keys: PublishedJwk[] }> {
    return { keys: (await this.issuers.allKeys()).filter(isJwtKey).map((key) => this.published(key)) };
  }

  /** The active key of an issuer, decrypted for signing; never logged, never returned by an API. */
  async signingKey(issuerId: string): Promise<SigningKey> {
    const key = await this.activeKey(issuerId);
    if (!key) throw new Error(`issuer ${issuerId} has no signing key`);
    return key;
  }

  /** The DID document did:web resolves to: every Ed25519 key of the issuer, current and retired. */
  async didDocument(issuerId: string) {
    const issuer = await this.issuers.findIssuer(issuerId);
    if (!issuer) throw new NotFoundException(`No issuer ${issuerId}.`);
    const did = this.issuerDid(issuerId);
    const methods = (await this.issuers.keysOf(issuerId))
      .filter((key) => key.algorithm === 'Ed25519')
      .map((key) => ({
        id: this.keyIdOf(key),
        type: 'Multikey' as const,
        controller: did,
        publicKeyMultibase: ed25519PublicKeyMultibase(publicKeyFromJwk(key.publicJwk)),
      }));
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: methods,
      assertionMethod: methods.map((method) => method.id),
    };
  }

  /**
   * The issuer's active Ed25519 key for Data Integrity proofs, with its verification method (a DID URL). An issuer
   * registered before these keys existed gets one on first use.
   */
  async proofKey(issuerId: string): Promise<ProofKey> {
    return this.activeProofKeys.get(issuerId, async () => {
      let active = (await this.issuers.keysOf(issuerId)).find((key) => key.algorithm === 'Ed25519');
      active ??= await this.addKey(issuerId, 'Ed25519', 'credentials');
      return {
        verificationMethod: this.keyIdOf(active),
        privateKey: createPrivateKey(this.encrypter.decrypt(active.encryptedPrivateKey)),
      };
    });
  }

  /**
   * The document with an eddsa-rdfc-2022 Data Integrity proof by the issuer's active Ed25519 key, made at `created`:
   * eddsa is deterministic, so the same document, key and time give the same proof.
   */
  async prove<T extends JsonLdDocument>(issuerId: string, document: T, created: string) {
    const key = await this.proofKey(issuerId);
    return this.metrics.proved(() => signDataIntegrity(document, { ...key, created }));
  }

  /** A key's public name: the kid URL of a VC-JWT key, the DID URL (`<did>#<thumbprint>`) of an Ed25519 key. */
  private keyIdOf(key: SigningKeyRecord): string {
    return isJwtKey(key) ? this.kidUrl(key) : `${this.issuerDid(key.issuerId)}#${key._id}`;
  }

  private activeKey(issuerId: string): Promise<SigningKey | null> {
    return this.activeKeys.get(issuerId, async () => {
      const active = (await this.issuers.keysOf(issuerId)).find(isJwtKey);
      if (!active) return null;
      return {
        algorithm: active.algorithm as SigningAlgorithm,
        kid: this.kidUrl(active),
        privateKey: createPrivateKey(this.encrypter.decrypt(active.encryptedPrivateKey)),
      };
    });
  }

  private published(key: SigningKeyRecord): PublishedJwk {
    return publishedJwk(key.publicJwk, {
      kid: this.kidUrl(key),
      alg: key.algorithm as SigningAlgorithm,
      iss: this.issuerUrl(key.issuerId),
    });
  }

  private async addKey(
    issuerId: string,
    algorithm: IssuerKeyAlgorithm,
    by: string,
  ): Promise<SigningKeyRecord> {
    // The Ed25519 key signs Data Integrity proofs; it is the key EdDSA names in JOSE.
    const generated = algorithm === 'Ed25519' ? generateKey('EdDSA') : generateSigningKey(algorithm);
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
    this.activeProofKeys.forget(issuerId);
    return key;
  }

  private async requireOwnIssuer(actor: Actor, issuerId: string): Promise<void> {
    if (actor.org !== issuerId || !(await this.issuers.findIssuer(issuerId))) {
      throw new NotFoundException(`No issuer ${issuerId} that you can see.`);
    }
  }
}
