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
    expect(
      () => new LocalKeyEncrypter(randomBytes(32), 'kek-2', [{ key: randomBytes(16), id: 'kek-1' }]),
    ).toThrow('must be 32 bytes');
  });

  it('during a rotation, reads what the previous key encrypted and encrypts only under the current one', () => {
    const previous = randomBytes(32);
    const old = new LocalKeyEncrypter(previous, 'kek-1').encrypt('signing key');
    const rotating = new LocalKeyEncrypter(randomBytes(32), 'kek-2', [{ key: previous, id: 'kek-1' }]);
    expect(rotating.currentKekId).toBe('kek-2');
    expect(rotating.decrypt(old)).toBe('signing key');
    const again = rotating.encrypt(rotating.decrypt(old));
    expect(again.kekId).toBe('kek-2');
    expect(rotating.decrypt(again)).toBe('signing key');
    // The previous key's id is bound into each secret: a secret relabelled as the current key's fails.
    expect(() => rotating.decrypt({ ...old, kekId: 'kek-2' })).toThrow();
    expect(() => rotating.decrypt({ ...old, kekId: 'kek-0' })).toThrow('not kek-2 or kek-1');
  });

  it('refuses two key-encryption keys with one id', () => {
    expect(
      () => new LocalKeyEncrypter(randomBytes(32), 'kek-1', [{ key: randomBytes(32), id: 'kek-1' }]),
    ).toThrow('two key-encryption keys have the id kek-1');
  });
});
