import { generateKeyPairSync } from 'node:crypto';
import { multibaseBase58btcDecode, multibaseBase58btcEncode } from './base58btc';
import { publicKeyOfMultibase } from './did-key';
import { type DocumentLoader } from './document-loader';
import { verifyDataIntegrity } from './verify-data-integrity';
import { w3cExamplesDocumentLoader } from './w3c-examples-loader';
import { W3C_ALUMNI_CREDENTIAL } from '../testing/w3c-alumni-credential';

/*
 * The published Ed25519Signature2020 test vector of W3C Data Integrity EdDSA Cryptosuites v1.0, copied unchanged from
 * the w3c/vc-di-eddsa repository: TestVectors/Ed25519Signature2020/signedEdSig.json, signed with the key of
 * TestVectors/keyPair.json.
 */
const PUBLIC_KEY_MULTIBASE = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';

const SIGNED = {
  ...W3C_ALUMNI_CREDENTIAL,
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/ns/credentials/examples/v2',
    'https://w3id.org/security/suites/ed25519-2020/v1',
  ],
  proof: {
    type: 'Ed25519Signature2020',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: `https://vc.example/issuers/5678#${PUBLIC_KEY_MULTIBASE}`,
    proofPurpose: 'assertionMethod',
    proofValue: 'z5HNuvc5WbWYsRRt97kXJ6SoKgb1tMwtkQND4pnobZE26JGnohdWVpzashF9d8FRzhzm8oYRSivKACTakeE4DzdHL',
  },
};

const publicKey = publicKeyOfMultibase(PUBLIC_KEY_MULTIBASE);
const NO_MATCH = 'the signature does not match the document and its proof';

const verified = (document: Record<string, unknown>, loader: DocumentLoader = w3cExamplesDocumentLoader) =>
  verifyDataIntegrity(document, () => Promise.resolve(publicKey), { documentLoader: loader });

const tampered = (change: (copy: any) => void) => {
  const copy = structuredClone(SIGNED);
  change(copy);
  return copy;
};

describe('the W3C Ed25519Signature2020 test vector', () => {
  it('verifies, the suite context coming from its npm package', async () => {
    expect(await verified(SIGNED)).toEqual({ verified: true });
  });

  it.each<[string, (copy: any) => void]>([
    ['a changed claim', (copy) => (copy.credentialSubject.alumniOf = 'Another School')],
    ['a changed issuer', (copy) => (copy.issuer = 'https://vc.example/issuers/9999')],
    ['a changed proof created', (copy) => (copy.proof.created = '2023-02-24T23:36:39Z')],
  ])('refuses the credential with %s', async (_, change) => {
    expect(await verified(tampered(change))).toEqual({ verified: false, problem: NO_MATCH });
  });

  it('refuses a flipped signature bit and another Ed25519 key', async () => {
    const signature = multibaseBase58btcDecode(SIGNED.proof.proofValue);
    signature[0] = signature[0]! ^ 0x80;
    const flipped = tampered((copy) => (copy.proof.proofValue = multibaseBase58btcEncode(signature)));
    expect(await verified(flipped)).toEqual({ verified: false, problem: NO_MATCH });
    const other = generateKeyPairSync('ed25519').publicKey;
    const withOther = await verifyDataIntegrity(SIGNED, () => Promise.resolve(other), {
      documentLoader: w3cExamplesDocumentLoader,
    });
    expect(withOther).toEqual({ verified: false, problem: NO_MATCH });
  });

  it('refuses the signature relabelled as an eddsa-rdfc-2022 proof, which hashes another proof configuration', async () => {
    const relabelled = tampered((copy) => {
      copy.proof.type = 'DataIntegrityProof';
      copy.proof.cryptosuite = 'eddsa-rdfc-2022';
    });
    expect(await verified(relabelled)).toEqual({ verified: false, problem: NO_MATCH });
  });

  it('refuses a P-256 key for an Ed25519Signature2020 proof', async () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const result = await verifyDataIntegrity(SIGNED, () => Promise.resolve(p256), {
      documentLoader: w3cExamplesDocumentLoader,
    });
    expect(result).toEqual({
      verified: false,
      problem: `the verification method ${SIGNED.proof.verificationMethod} is not Ed25519`,
    });
  });

  it('refuses the credential without the suite context, whose proof terms then mean something else', async () => {
    // The examples context's @vocab now gives the proof's terms other IRIs: the signed statements are not these.
    const withoutSuite = tampered((copy) => copy['@context'].pop());
    expect(await verified(withoutSuite)).toEqual({ verified: false, problem: NO_MATCH });
    // Without any @vocab, the proof's terms are ones no context defines.
    const bare = tampered((copy) => (copy['@context'] = ['https://www.w3.org/ns/credentials/v2']));
    const result = await verified(bare);
    expect(result.verified).toBe(false);
    expect(result.problem).toContain('Safe mode validation error');
  });
});
