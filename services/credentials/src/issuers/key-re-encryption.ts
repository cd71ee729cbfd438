import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HUB_TRUST_LIST_KEY } from '../verification/trust-list-keys';
import { TrustListKeyRepository } from '../verification/trust-list-key.repository';
import { IssuersRepository } from './issuers.repository';
import { KEY_ENCRYPTER } from './key-encrypter.provider';
import type { EncryptedSecret, KeyEncrypter } from './key-encryption';

/**
 * At start-up, re-encrypts every stored private key (the awarding bodies' signing keys and the hub's trust-list key)
 * that is not under the current key-encryption key, so that rotating it is: configure the new key with the old one
 * as `CREDENTIALS_KEK_PREVIOUS`, roll the service, and drop the old one once the log says none is left. Each write
 * is conditional on the ciphertext read, so instances starting together re-encrypt each key once.
 */
/** A stored private key under another key-encryption key than the current one, and how to replace it. */
interface StaleSecret {
  name: string;
  secret: EncryptedSecret;
  /** Stores `to` in its place unless it changed since it was read; true when it was stored. */
  replace: (to: EncryptedSecret) => Promise<boolean>;
}

@Injectable()
export class KeyReEncryption implements OnApplicationBootstrap {
  private readonly logger = new Logger(KeyReEncryption.name);

  constructor(
    private readonly issuers: IssuersRepository,
    private readonly trustListKeys: TrustListKeyRepository,
    @Inject(KEY_ENCRYPTER) private readonly encrypter: KeyEncrypter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.staleSecrets(this.encrypter.currentKekId);
    if (stale.length === 0) return;
    let reEncrypted = 0;
    const unreadable: string[] = [];
    for (const { name, secret, replace } of stale) {
      let plaintext: string;
      try {
        plaintext = this.encrypter.decrypt(secret);
      } catch {
        unreadable.push(`${name} (under ${secret.kekId})`);
        continue;
      }
      if (await replace(this.encrypter.encrypt(plaintext))) reEncrypted += 1;
    }
    this.logger.log(
      `Re-encrypted ${reEncrypted} stored private keys under key-encryption key ${this.encrypter.currentKekId}.`,
    );
    if (unreadable.length > 0)
      this.logger.error(
        `${unreadable.length} stored private keys are under a key-encryption key this service does not hold, so ` +
          `they cannot sign: ${unreadable.join(', ')}. Configure that key as CREDENTIALS_KEK_PREVIOUS.`,
      );
  }

  private async staleSecrets(current: string): Promise<StaleSecret[]> {
    const stale: StaleSecret[] = (await this.issuers.keysEncryptedOtherThan(current)).map((key) => ({
      name: `signing key ${key._id} of issuer ${key.issuerId}`,
      secret: key.encryptedPrivateKey,
      replace: (to) => this.issuers.replaceEncryptedKey(key._id, key.encryptedPrivateKey, to),
    }));
    const trustListKey = await this.trustListKeys.find(HUB_TRUST_LIST_KEY);
    if (trustListKey && trustListKey.encryptedPrivateKey.kekId !== current)
      stale.push({
        name: `the hub's trust-list key`,
        secret: trustListKey.encryptedPrivateKey,
        replace: (to) =>
          this.trustListKeys.replaceEncryptedKey(trustListKey._id, trustListKey.encryptedPrivateKey, to),
      });
    return stale;
  }
}
