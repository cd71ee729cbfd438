import { generateKeyPairSync } from 'node:crypto';
import {
  didKeyOf,
  didKeyVerificationMethodOf,
  ecdsaPublicKeyMultibase,
  multikeyOf,
  publicKeyOfDidKey,
  publicKeyOfMultibase,
} from './did-key';
import { multibaseBase58btcEncode } from './base58btc';
import { rawEd25519PublicKey } from './ed25519-keys';

/** The W3C vc-di-eddsa test vectors' public key (TestVectors/keyPair.json). */
const W3C_KEY = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
/** A P-256 did:key from the same test vectors' employment credential issuer. */
const P256_DID = 'did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76';

describe('did:key for Ed25519, P-256 and P-384', () => {
  it('names the published key as did:key, its verification method and its Multikey', () => {
    const publicKey = publicKeyOfMultibase(W3C_KEY);
    expect(didKeyOf(publicKey)).toBe(`did:key:${W3C_KEY}`);
    expect(didKeyVerificationMethodOf(publicKey)).toBe(`did:key:${W3C_KEY}#${W3C_KEY}`);
    expect(multikeyOf(publicKey)).toEqual({ type: 'Multikey', publicKeyMultibase: W3C_KEY });
  });

  it('round-trips a new key through its DID and its verification method', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const did = didKeyOf(publicKey);
    expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    for (const name of [did, didKeyVerificationMethodOf(publicKey)]) {
      const resolved = publicKeyOfDidKey(name);
      expect(resolved.asymmetricKeyType).toBe('ed25519');
      expect(Buffer.from(rawEd25519PublicKey(resolved))).toEqual(Buffer.from(rawEd25519PublicKey(publicKey)));
    }
  });

  it('reads a P-256 did:key as its curve point, and refuses a key type we do not verify with', () => {
    const key = publicKeyOfDidKey(P256_DID);
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(ecdsaPublicKeyMultibase(key)).toBe(P256_DID.slice('did:key:'.length));
    // secp256k1 (multicodec 0xe7), which no suite we verify uses.
    const secp256k1 = multibaseBase58btcEncode(
      Uint8Array.from([0xe7, 0x01, 0x02, ...new Array<number>(32).fill(7)]),
    );
    expect(() => publicKeyOfDidKey(`did:key:${secp256k1}`)).toThrow(
      `did:key:${secp256k1} is not a did:key we can read: ${secp256k1} is not an Ed25519, P-256 or P-384 public key (by its multicodec)`,
    );
  });

  it('refuses a P-256 did:key whose point is not on the curve', () => {
    const offCurve = multibaseBase58btcEncode(
      Uint8Array.from([0x80, 0x24, 0x02, ...new Array<number>(32).fill(0xff)]),
    );
    expect(() => publicKeyOfDidKey(`did:key:${offCurve}`)).toThrow(/is not a P-256 \(0x1200\) public key/);
  });

  it('refuses other DID methods, other encodings and a verification method the DID does not have', () => {
    expect(() => publicKeyOfDidKey('did:web:credits.example.ac.uk')).toThrow(/is not a did:key/);
    expect(() => publicKeyOfDidKey(`did:key:u${W3C_KEY.slice(1)}`)).toThrow(/is not a did:key/);
    expect(() => publicKeyOfDidKey(`did:key:${W3C_KEY}#key-1`)).toThrow(/names a verification method/);
    expect(() => publicKeyOfDidKey(`did:key:${W3C_KEY.slice(0, -1)}`)).toThrow(
      /is not a did:key we can read/,
    );
  });

  it('will not name a key that is not an Ed25519 public key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => didKeyOf(publicKey)).toThrow(/expected an Ed25519 public key, not a ec public key/);
    expect(() => multikeyOf(generateKeyPairSync('ed25519').privateKey)).toThrow(
      /expected an Ed25519 public key/,
    );
    expect(() => didKeyOf(privateKey)).toThrow(/expected an Ed25519 public key/);
  });
});
