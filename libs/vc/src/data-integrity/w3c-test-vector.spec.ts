import { createHash } from 'node:crypto';
import { multibaseBase58btcDecode } from './base58btc';
import { canonicalise } from './canonicalise';
import { publicKeyOfMultibase } from './did-key';
import { eddsaRdfc2022HashData } from './eddsa-rdfc-2022';
import { ed25519PrivateKeyFromSeed } from './ed25519-keys';
import { signDataIntegrity } from './sign-data-integrity';
import { verifyDataIntegrity } from './verify-data-integrity';
import { w3cExamplesDocumentLoader } from './w3c-examples-loader';
import { W3C_ALUMNI_CREDENTIAL } from '../testing/w3c-alumni-credential';

/*
 * The published test vector of W3C Data Integrity EdDSA Cryptosuites v1.0 for eddsa-rdfc-2022, copied unchanged
 * from the w3c/vc-di-eddsa repository: TestVectors/keyPair.json, TestVectors/eddsa-rdfc-2022/signedDataInt.json,
 * proofCanonDataInt.txt, combinedHashDataInt.txt and sigBTC58DataInt.txt.
 */
const KEY_PAIR = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  privateKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
};

const SIGNED = {
  ...W3C_ALUMNI_CREDENTIAL,
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    proofPurpose: 'assertionMethod',
    proofValue: 'z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9',
  },
};

const CANONICAL_PROOF_CONFIG = [
  '_:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .',
  '_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .',
  '_:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .',
  '_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .',
  '_:c14n0 <https://w3id.org/security#verificationMethod> <https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .',
  '',
].join('\n');

const COMBINED_HASH =
  '4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017';

const documentLoader = w3cExamplesDocumentLoader;

const publicKey = publicKeyOfMultibase(KEY_PAIR.publicKeyMultibase);
/** The private key multibase is multicodec ed25519-priv (0x8026) and the 32-byte seed. */
const privateKeyBytes = multibaseBase58btcDecode(KEY_PAIR.privateKeyMultibase);

describe('the W3C eddsa-rdfc-2022 test vector', () => {
  it('verifies', async () => {
    const resolved: string[] = [];
    const result = await verifyDataIntegrity(
      SIGNED,
      (verificationMethod) => {
        resolved.push(verificationMethod);
        return Promise.resolve(publicKey);
      },
      { documentLoader },
    );
    expect(result).toEqual({ verified: true });
    expect(resolved).toEqual([SIGNED.proof.verificationMethod]);
  });

  it('canonicalises the proof configuration and hashes as published', async () => {
    const { proof, ...unsecured } = SIGNED;
    const { proofValue: _proofValue, ...proofOptions } = proof;
    const proofConfig = { ...proofOptions, '@context': unsecured['@context'] };
    expect(await canonicalise(proofConfig, documentLoader)).toBe(CANONICAL_PROOF_CONFIG);
    expect(createHash('sha256').update(CANONICAL_PROOF_CONFIG).digest('hex')).toBe(
      COMBINED_HASH.slice(0, 64),
    );
    const hashData = await eddsaRdfc2022HashData(unsecured, proofOptions, documentLoader);
    expect(hashData.toString('hex')).toBe(COMBINED_HASH);
  });

  it('signs to the published proofValue with the published key', async () => {
    expect(Array.from(privateKeyBytes.subarray(0, 2))).toEqual([0x80, 0x26]);
    const privateKey = ed25519PrivateKeyFromSeed(privateKeyBytes.subarray(2));
    const { proof, ...unsecured } = SIGNED;
    const signed = await signDataIntegrity(unsecured, {
      privateKey,
      verificationMethod: proof.verificationMethod,
      created: proof.created,
      documentLoader,
    });
    expect(signed).toEqual(SIGNED);
  });

  it('is refused by the bundled loader alone, which does not carry the examples context', async () => {
    const result = await verifyDataIntegrity(SIGNED, () => Promise.resolve(publicKey));
    expect(result.verified).toBe(false);
    expect(result.problem).toContain('https://www.w3.org/ns/credentials/examples/v2');
  });
});
