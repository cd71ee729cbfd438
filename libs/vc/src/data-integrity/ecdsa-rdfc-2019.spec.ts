import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { multibaseBase58btcDecode, multibaseBase58btcEncode } from './base58btc';
import { canonicalise } from './canonicalise';
import { ecdsaPublicKeyMultibase, publicKeyOfDidKey } from './did-key';
import { compressedEcPublicKey, ecdsaCurveOf } from './ec-keys';
import { proofAndDocumentHash } from './hash-data';
import { verifyDataIntegrity } from './verify-data-integrity';
import { w3cExamplesDocumentLoader as documentLoader } from './w3c-examples-loader';
import { W3C_ALUMNI_CREDENTIAL } from '../testing/w3c-alumni-credential';

/*
 * The published test vectors of W3C Data Integrity ECDSA Cryptosuites v1.0 for ecdsa-rdfc-2019, from the
 * w3c/vc-di-ecdsa repository's TestVectors/ecdsa-rdfc-2019-p256 and -p384: the proof configuration with its did:key
 * verification method (the key of p256KeyPair.json, p384KeyPair.json), combinedHashECDSAP256.txt /
 * combinedHashECDSAP384.txt and sigBTC58ECDSAP256.txt / sigBTC58ECDSAP384.txt.
 */
const UNSECURED = {
  ...W3C_ALUMNI_CREDENTIAL,
};

const proofOf = (key: string, proofValue: string) => ({
  type: 'DataIntegrityProof',
  cryptosuite: 'ecdsa-rdfc-2019',
  created: '2023-02-24T23:36:38Z',
  verificationMethod: `did:key:${key}#${key}`,
  proofPurpose: 'assertionMethod',
  proofValue,
});

const SIGNED_P256 = {
  ...UNSECURED,
  proof: proofOf(
    'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP',
    'zaHXrr7AQdydBk3ahpCDpWbxfLokDqmCToYm2dyWvpcFVyWooC2he63w1f7UNQoAMKdhaRtcnaE2KTo5o5vTCcfw',
  ),
};

const SIGNED_P384 = {
  ...UNSECURED,
  proof: proofOf(
    'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ',
    'z967Mvv5bxtmLNqTzPZ8KmJjFmFXaAKeQNzq7GWnQkMcLtaGSSmuozE5WtJ8PipMe178B1tE28K1vsJur9bGVJhz6jgSJsRHFSQeqgH8hhjcg8gZDFJC1b9FsR5ggNmDBqHv',
  ),
};

const COMBINED_HASH_P256 =
  '3a8a522f689025727fb9d1f0fa99a618da023e8494ac74f51015d009d35abc2e517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017';
const COMBINED_HASH_P384 =
  'e32805a26492eac777aa7a138f6d8da3c74e0c7be7b296dcaccf97420c3b92eaad7be6449ca565e165031567f5c7cbc18bf6e01df72c5b62f91b685231915ac4b8c58ea95f002c6b8f6bfafa1b251df476b56b8e01518e317dab099d3ecbff96';

type Signed = typeof SIGNED_P256;

/** A did:key of a new key of the curve: a proof that names it must not verify with it. */
function otherDidKey(curve: 'P-256' | 'P-384'): string {
  const multibase = ecdsaPublicKeyMultibase(generateKeyPairSync('ec', { namedCurve: curve }).publicKey);
  return `did:key:${multibase}#${multibase}`;
}

/** The key a vector's did:key verification method is. */
const keyOfMethod = (method: string) => publicKeyOfDidKey(method);
const verifyWithOwnKey = (signed: Signed, key?: KeyObject) =>
  verifyDataIntegrity(signed, (method) => Promise.resolve(key ?? keyOfMethod(method)), { documentLoader });

const tampered = (signed: Signed, change: (copy: any) => void): Signed => {
  const copy = structuredClone(signed);
  change(copy);
  return copy;
};

describe.each([
  ['P-256', SIGNED_P256, 'sha256', 64, COMBINED_HASH_P256],
  ['P-384', SIGNED_P384, 'sha384', 96, COMBINED_HASH_P384],
] as const)('the W3C ecdsa-rdfc-2019 %s test vector', (curve, signed, hash, signatureBytes, combinedHash) => {
  it('reads the issuer key as a compressed point of its curve', () => {
    const key = keyOfMethod(signed.proof.verificationMethod);
    expect(ecdsaCurveOf(key)).toBe(curve);
    const { compressed } = compressedEcPublicKey(key);
    expect(compressed.length).toBe(signatureBytes / 2 + 1);
  });

  it('verifies', async () => {
    expect(await verifyWithOwnKey(signed)).toEqual({ verified: true });
  });

  it(`hashes the canonical proof configuration and document with ${hash}, as published`, async () => {
    const { proof, ...unsecured } = signed;
    const { proofValue: _proofValue, ...proofOptions } = proof;
    const hashData = await proofAndDocumentHash(unsecured, proofOptions, documentLoader, hash);
    expect(hashData.toString('hex')).toBe(combinedHash);
    const canonicalDocument = await canonicalise(unsecured, documentLoader);
    expect(createHash(hash).update(canonicalDocument).digest('hex')).toBe(
      combinedHash.slice(combinedHash.length / 2),
    );
  });

  it.each<[string, (copy: any) => void]>([
    ['a changed claim', (copy) => (copy.credentialSubject.alumniOf = 'Another School')],
    ['a changed validFrom', (copy) => (copy.validFrom = '2024-01-01T00:00:00Z')],
    ['a changed proof created', (copy) => (copy.proof.created = '2023-02-24T23:36:39Z')],
    ['another verification method', (copy) => (copy.proof.verificationMethod = otherDidKey(curve))],
  ])('refuses the credential with %s', async (_, change) => {
    expect(await verifyWithOwnKey(tampered(signed, change))).toEqual({
      verified: false,
      problem: 'the signature does not match the document and its proof',
    });
  });

  it('refuses a signature with a bit flipped, a short one, and another key of the same curve', async () => {
    const signature = multibaseBase58btcDecode(signed.proof.proofValue);
    const flipped = Uint8Array.from(signature);
    flipped[5] = flipped[5]! ^ 0x01;
    const withFlipped = tampered(
      signed,
      (copy) => (copy.proof.proofValue = multibaseBase58btcEncode(flipped)),
    );
    expect((await verifyWithOwnKey(withFlipped)).problem).toBe(
      'the signature does not match the document and its proof',
    );
    const short = tampered(
      signed,
      (copy) => (copy.proof.proofValue = multibaseBase58btcEncode(signature.subarray(1))),
    );
    expect((await verifyWithOwnKey(short)).problem).toBe(
      `the proofValue is ${signatureBytes - 1} bytes, not a ${curve} signature (${signatureBytes} bytes, r||s)`,
    );
    const other = generateKeyPairSync('ec', { namedCurve: curve }).publicKey;
    expect((await verifyWithOwnKey(signed, other)).verified).toBe(false);
  });

  it('refuses an Ed25519 key for an ECDSA proof, and the proof relabelled as eddsa-rdfc-2022', async () => {
    const ed25519 = generateKeyPairSync('ed25519').publicKey;
    expect(await verifyWithOwnKey(signed, ed25519)).toEqual({
      verified: false,
      problem: `the verification method ${signed.proof.verificationMethod} is not a P-256 or P-384 key`,
    });
    const relabelled = tampered(signed, (copy) => (copy.proof.cryptosuite = 'eddsa-rdfc-2022'));
    expect((await verifyWithOwnKey(relabelled)).problem).toBe(
      `the verification method ${signed.proof.verificationMethod} is not Ed25519`,
    );
  });
});

describe('ecdsa-rdfc-2019 with the key of the other curve', () => {
  it('refuses a P-256 proof checked with a P-384 key', async () => {
    const p384 = keyOfMethod(SIGNED_P384.proof.verificationMethod);
    expect((await verifyWithOwnKey(SIGNED_P256, p384)).problem).toBe(
      'the proofValue is 64 bytes, not a P-384 signature (96 bytes, r||s)',
    );
  });

  it('verifies a proof node:crypto makes the way the suite says, and not once the document changes', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const { proof, ...unsecured } = SIGNED_P384;
    const { proofValue: _published, ...options } = proof;
    const hashData = await proofAndDocumentHash(unsecured, options, documentLoader, 'sha384');
    const proofValue = multibaseBase58btcEncode(
      sign('sha384', hashData, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
    );
    const ours = { ...unsecured, proof: { ...options, proofValue } };
    expect(await verifyWithOwnKey(ours, publicKey)).toEqual({ verified: true });
    const changed = tampered(ours, (copy) => (copy.name = 'Another Credential'));
    expect((await verifyWithOwnKey(changed, publicKey)).verified).toBe(false);
  });
});
