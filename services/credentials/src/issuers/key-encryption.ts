import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A private key as stored: AES-256-GCM ciphertext with its nonce and tag, and which key-encryption key made it. */
export interface EncryptedSecret {
  kekId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * Encrypts signing keys at rest. This one holds a 256-bit key-encryption key from configuration; a KMS
 * (or an HSM) can implement the same two methods later without the rest of the service noticing.
 */
export interface KeyEncrypter {
  encrypt(plaintext: string): EncryptedSecret;
  decrypt(secret: EncryptedSecret): string;
}

export class LocalKeyEncrypter implements KeyEncrypter {
  constructor(
    private readonly kek: Buffer,
    private readonly kekId: string,
  ) {
    if (kek.length !== 32)
      throw new Error('the key-encryption key must be 32 bytes (base64 of 32 random bytes)');
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
    if (secret.kekId !== this.kekId)
      throw new Error(`the secret was encrypted with key-encryption key ${secret.kekId}, not ${this.kekId}`);
    const decipher = createDecipheriv('aes-256-gcm', this.kek, Buffer.from(secret.iv, 'base64'));
    decipher.setAAD(Buffer.from(this.kekId));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(secret.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
