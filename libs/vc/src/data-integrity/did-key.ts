import { type KeyObject } from 'node:crypto';
import { multibaseBase58btcDecode, multibaseBase58btcEncode } from './base58btc';
import { compressedEcPublicKey, ecPublicKeyFromCompressed } from './ec-keys';
import { ed25519PublicKeyFromRaw, rawEd25519PublicKey } from './ed25519-keys';

/** The multicodec code of an Ed25519 public key (0xed), as an unsigned varint. */
const ED25519_PUB_MULTICODEC = Uint8Array.from([0xed, 0x01]);

/** The multicodec codes of compressed P-256 (0x1200) and P-384 (0x1201) public keys, as unsigned varints. */
const EC_PUB_MULTICODECS = {
  'P-256': Uint8Array.from([0x80, 0x24]),
  'P-384': Uint8Array.from([0x81, 0x24]),
} as const;

/** Each public key multicodec we read, and how its key bytes become a key. */
const PUBLIC_KEY_MULTICODECS: readonly (readonly [string, Uint8Array, (bytes: Uint8Array) => KeyObject])[] = [
  ['Ed25519 (0xed)', ED25519_PUB_MULTICODEC, ed25519PublicKeyFromRaw],
  ['P-256 (0x1200)', EC_PUB_MULTICODECS['P-256'], (bytes) => ecPublicKeyFromCompressed('P-256', bytes)],
  ['P-384 (0x1201)', EC_PUB_MULTICODECS['P-384'], (bytes) => ecPublicKeyFromCompressed('P-384', bytes)],
];

export interface Multikey {
  type: 'Multikey';
  publicKeyMultibase: string;
}

/** `z6Mk...`: multicodec 0xed01 and the raw key, base58btc. */
export function ed25519PublicKeyMultibase(publicKey: KeyObject): string {
  return multibaseBase58btcEncode(Buffer.concat([ED25519_PUB_MULTICODEC, rawEd25519PublicKey(publicKey)]));
}

/** `zDn...` (P-256) or `z82...` (P-384): the multicodec and the compressed point, base58btc. */
export function ecdsaPublicKeyMultibase(publicKey: KeyObject): string {
  const { curve, compressed } = compressedEcPublicKey(publicKey);
  return multibaseBase58btcEncode(Buffer.concat([EC_PUB_MULTICODECS[curve], compressed]));
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

/** The public key a Multikey's `publicKeyMultibase` carries: Ed25519, or a compressed P-256 or P-384 point. */
export function publicKeyOfMultibase(publicKeyMultibase: string): KeyObject {
  const bytes = multibaseBase58btcDecode(publicKeyMultibase);
  const codec = PUBLIC_KEY_MULTICODECS.find(([, prefix]) =>
    prefix.every((byte, index) => bytes[index] === byte),
  );
  if (!codec) {
    throw new Error(`${publicKeyMultibase} is not an Ed25519, P-256 or P-384 public key (by its multicodec)`);
  }
  const [name, prefix, keyOf] = codec;
  try {
    return keyOf(bytes.subarray(prefix.length));
  } catch (error) {
    throw new Error(`${publicKeyMultibase} is not a ${name} public key: ${(error as Error).message}`);
  }
}

/** The key of a did:key (Ed25519, P-256 or P-384), given the DID or its verification method (`did:key:z...#z...`). */
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
    throw new Error(`${verificationMethodOrDid} is not a did:key we can read: ${(error as Error).message}`);
  }
}
