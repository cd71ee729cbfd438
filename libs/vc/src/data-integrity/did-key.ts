import { type KeyObject } from 'node:crypto';
import { multibaseBase58btcDecode, multibaseBase58btcEncode } from './base58btc';
import { ed25519PublicKeyFromRaw, rawEd25519PublicKey } from './ed25519-keys';

/** The multicodec code of an Ed25519 public key (0xed), as an unsigned varint. */
const ED25519_PUB_MULTICODEC = Uint8Array.from([0xed, 0x01]);

export interface Multikey {
  type: 'Multikey';
  publicKeyMultibase: string;
}

/** `z6Mk...`: multicodec 0xed01 and the raw key, base58btc. */
export function ed25519PublicKeyMultibase(publicKey: KeyObject): string {
  return multibaseBase58btcEncode(Buffer.concat([ED25519_PUB_MULTICODEC, rawEd25519PublicKey(publicKey)]));
}

export function didKeyOf(publicKey: KeyObject): string {
  return `did:key:${ed25519PublicKeyMultibase(publicKey)}`;
}

/** did:key's one verification method: the DID with its own key as the fragment. */
export function didKeyVerificationMethodOf(publicKey: KeyObject): string {
  const multibase = ed25519PublicKeyMultibase(publicKey);
  return `did:key:${multibase}#${multibase}`;
}

export function multikeyOf(publicKey: KeyObject): Multikey {
  return { type: 'Multikey', publicKeyMultibase: ed25519PublicKeyMultibase(publicKey) };
}

/** The Ed25519 public key a Multikey's `publicKeyMultibase` carries. */
export function publicKeyOfMultibase(publicKeyMultibase: string): KeyObject {
  const bytes = multibaseBase58btcDecode(publicKeyMultibase);
  if (
    bytes.length !== 34 ||
    bytes[0] !== ED25519_PUB_MULTICODEC[0] ||
    bytes[1] !== ED25519_PUB_MULTICODEC[1]
  ) {
    throw new Error(`${publicKeyMultibase} is not an Ed25519 public key (multicodec 0xed01 and 32 bytes)`);
  }
  return ed25519PublicKeyFromRaw(bytes.subarray(2));
}

/** The key of an Ed25519 did:key, given the DID or its verification method (`did:key:z6Mk...#z6Mk...`). */
export function publicKeyOfDidKey(verificationMethodOrDid: string): KeyObject {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(.*))?$/.exec(verificationMethodOrDid);
  if (!match?.[1]) throw new Error(`${verificationMethodOrDid} is not a did:key with a base58btc key`);
  const [, multibase, fragment] = match;
  // did:key has exactly one verification method, named by the key itself.
  if (fragment !== undefined && fragment !== multibase) {
    throw new Error(`${verificationMethodOrDid} names a verification method that its did:key does not have`);
  }
  try {
    return publicKeyOfMultibase(multibase);
  } catch (error) {
    throw new Error(`${verificationMethodOrDid} is not an Ed25519 did:key: ${(error as Error).message}`);
  }
}
