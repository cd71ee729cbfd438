import { randomBytes } from 'node:crypto';
import { LocalKeyEncrypter } from './key-encryption';

describe('LocalKeyEncrypter', () => {
  const encrypter = new LocalKeyEncrypter(randomBytes(32), 'kek-1');

  it('gives back what it encrypted, and the ciphertext does not contain it', () => {
    const secret = encrypter.encrypt('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    expect(secret.ciphertext).not.toContain('PRIVATE');
    expect(encrypter.decrypt(secret)).toBe('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
  });

  it('refuses a tampered ciphertext, another key and another key id', () => {
    const secret = encrypter.encrypt('signing key');
    const flipped = Buffer.from(secret.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => encrypter.decrypt({ ...secret, ciphertext: flipped.toString('base64') })).toThrow();
    expect(() => new LocalKeyEncrypter(randomBytes(32), 'kek-1').decrypt(secret)).toThrow();
    expect(() => encrypter.decrypt({ ...secret, kekId: 'kek-2' })).toThrow('not kek-1');
  });

  it('refuses a key-encryption key of the wrong length', () => {
    expect(() => new LocalKeyEncrypter(randomBytes(16), 'short')).toThrow('must be 32 bytes');
  });
});
