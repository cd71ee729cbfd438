import { createPrivateKey } from 'node:crypto';
import { ReadCache } from '@lib/persistence';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import {
  generateSigningKey,
  jwkThumbprint,
  type PublishedJwk,
  publishedJwk,
  signTrustSnapshot,
  type TrustListSigner,
  type TrustSnapshotEntry,
  type TrustSnapshotFile,
} from '@lib/vc';
import { Inject, Injectable } from '@nestjs/common';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import { KEY_ENCRYPTER } from '../issuers/key-encrypter.provider';
import type { KeyEncrypter } from '../issuers/key-encryption';
import { TrustListRepository } from './trust-list.repository';
import { HUB_LIST, HUB_TRUST_LIST_KEY } from './trust-list-keys';
import { TrustListKeyRepository } from './trust-list-key.repository';

/**
 * The hub's trust list as a signed snapshot, for verifiers that will check offline bundles without our servers: our
 * awarding bodies with their VC-JWT keys (what an offline bundle's credential is signed with) and the hub-wide
 * external entries, signed by the hub's trust-list key, which is published on its own.
 */
@Injectable()
export class TrustSnapshotsService {
  private readonly signers = new ReadCache<TrustListSigner>(Infinity);

  constructor(
    private readonly keys: TrustListKeyRepository,
    private readonly issuers: IssuersService,
    private readonly ownIssuers: IssuersRepository,
    private readonly entries: TrustListRepository,
    @Inject(KEY_ENCRYPTER) private readonly encrypter: KeyEncrypter,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** The trust-list key as published: what a verifier compares a snapshot's signer with. */
  async publicKeys(): Promise<{ keys: PublishedJwk[] }> {
    return { keys: [(await this.signer()).publicJwk] };
  }

  /** Signed afresh each time (a new awarding body or a rotated key is in it at once); the reads are small lists. */
  async snapshot(): Promise<TrustSnapshotFile> {
    const [signer, entries] = await Promise.all([this.signer(), this.currentEntries()]);
    const takenAt = new Date();
    return signTrustSnapshot(
      {
        iss: this.config.publicBaseUrl,
        iat: Math.floor(takenAt.getTime() / 1000),
        takenAt: takenAt.toISOString(),
        entries,
      },
      signer,
    );
  }

  private async currentEntries(): Promise<TrustSnapshotEntry[]> {
    const [own, { keys }, external] = await Promise.all([
      this.ownIssuers.allIssuers(),
      this.issuers.keySet(),
      this.entries.liveEntriesOf(HUB_LIST),
    ]);
    return [
      ...own.map((issuer): TrustSnapshotEntry => {
        const issuerId = this.issuers.issuerUrl(issuer._id);
        return {
          issuerId,
          name: issuer.name,
          kind: 'own',
          did: this.issuers.issuerDid(issuer._id),
          keys: keys.filter((key) => key.iss === issuerId),
        };
      }),
      ...external.map((entry): TrustSnapshotEntry => ({
        issuerId: entry.issuerId,
        name: entry.name,
        kind: 'external',
        ...(entry.jwksUrl ? { jwksUrl: entry.jwksUrl } : {}),
      })),
    ];
  }

  /** The hub's trust-list key, made once per deployment: the first instance to store one wins, all use it. */
  private signer(): Promise<TrustListSigner> {
    return this.signers.get(HUB_TRUST_LIST_KEY, async () => {
      let record = await this.keys.find(HUB_TRUST_LIST_KEY);
      if (!record) {
        const generated = generateSigningKey('ES256');
        await this.keys.insertOnce({
          _id: HUB_TRUST_LIST_KEY,
          algorithm: 'ES256',
          publicJwk: generated.publicJwk as Record<string, string>,
          encryptedPrivateKey: this.encrypter.encrypt(generated.privateKeyPem),
          createdAt: new Date(),
        });
        record = await this.keys.find(HUB_TRUST_LIST_KEY);
        if (!record) throw new Error('the trust-list key was stored but cannot be read back');
      }
      const kid = `${this.config.publicBaseUrl}/api/credentials/trust-list/keys#${jwkThumbprint(record.publicJwk)}`;
      return {
        algorithm: 'ES256',
        kid,
        privateKey: createPrivateKey(this.encrypter.decrypt(record.encryptedPrivateKey)),
        publicJwk: publishedJwk(record.publicJwk, { kid, alg: 'ES256', iss: this.config.publicBaseUrl }),
      };
    });
  }
}
