import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A private key as stored: AES-256-GCM ciphertext with its nonce and tag, and which key-encryption key made it. */
export interface EncryptedSecret {
  kekId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** A 256-bit key-encryption key and the id stored beside everything it encrypts. */
export interface KeyEncryptionKey {
  key: Buffer;
  id: string;
}

/**
 * Encrypts signing keys at rest. This one holds a 256-bit key-encryption key from configuration; a KMS
 * (or an HSM) can implement the same methods later without the rest of the service noticing.
 */
export interface KeyEncrypter {
  /** The key-encryption key's id that `encrypt` stores: a secret under any other wants re-encrypting. */
  readonly currentKekId: string;
  encrypt(plaintext: string): EncryptedSecret;
  decrypt(secret: EncryptedSecret): string;
}

/**
 * Encrypts under the current key-encryption key; decrypts under it or under a previous one kept while the stored
 * secrets are re-encrypted (so that rotating it stops no signing).
 */
export class LocalKeyEncrypter implements KeyEncrypter {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly kek: Buffer,
    private readonly kekId: string,
    previous: readonly KeyEncryptionKey[] = [],
  ) {
    for (const { key, id } of [{ key: kek, id: kekId }, ...previous]) {
      if (key.length !== 32)
        throw new Error('the key-encryption key must be 32 bytes (base64 of 32 random bytes)');
      if (this.keys.has(id)) throw new Error(`two key-encryption keys have the id ${id}`);
      this.keys.set(id, key);
    }
  }

  get currentKekId(): string {
    return this.kekId;
  }

  encrypt(plaintext: string): EncryptedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv);
    cipher.setAAD(Buffer.from(this.kekId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      kekId: this.kekId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  decrypt(secret: EncryptedSecret): string {
    const kek = this.keys.get(secret.kekId);
    if (!kek)
      throw new Error(
        `the secret was encrypted with key-encryption key ${secret.kekId}, not ${[...this.keys.keys()].join(' or ')}`,
      );
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(secret.iv, 'base64'));
    decipher.setAAD(Buffer.from(secret.kekId));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(secret.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
