import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** PKCS#8 DER for an Ed25519 private key (RFC 8410) up to the 32-byte seed. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function isEd25519Key(key: KeyObject, type: 'public' | 'private'): boolean {
  return key.type === type && key.asymmetricKeyType === 'ed25519';
}

export function assertEd25519Key(key: KeyObject, type: 'public' | 'private'): void {
  if (!isEd25519Key(key, type)) {
    throw new Error(
      `expected an Ed25519 ${type} key, not a ${key.asymmetricKeyType ?? key.type} ${key.type} key`,
    );
  }
}

/** The raw 32 bytes of an Ed25519 public key, as multicodec and Multikey carry it. */
export function rawEd25519PublicKey(publicKey: KeyObject): Uint8Array {
  assertEd25519Key(publicKey, 'public');
  const { x } = publicKey.export({ format: 'jwk' });
  if (!x) throw new Error('the Ed25519 public key has no x coordinate');
  return Buffer.from(x, 'base64url');
}

export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes, not ${raw.length}`);
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** The private key of a 32-byte Ed25519 seed (RFC 8032's private key). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error(`an Ed25519 seed is 32 bytes, not ${seed.length}`);
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}
