import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../contexts';
import { didKeyOf, didKeyVerificationMethodOf, publicKeyOfDidKey } from './did-key';
import { DATA_INTEGRITY_V2_CONTEXT } from './document-loader';
import { signDataIntegrity } from './sign-data-integrity';
import { verifyDataIntegrity } from './verify-data-integrity';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const verificationMethod = didKeyVerificationMethodOf(publicKey);
const resolveDidKey = (method: string): Promise<KeyObject> => Promise.resolve(publicKeyOfDidKey(method));

function credential(): Record<string, unknown> {
  return {
    '@context': [VC_V2_CONTEXT],
    id: 'urn:uuid:5b0c8a52-7a1d-4d4e-9a43-1f2b1c0e6a11',
    type: ['VerifiableCredential'],
    issuer: didKeyOf(publicKey),
    validFrom: '2026-12-02T09:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Ada Lovelace' },
  };
}

const sign = (document: Record<string, unknown>, options: { challenge?: string; domain?: string } = {}) =>
  signDataIntegrity(document, {
    privateKey,
    verificationMethod,
    created: '2026-12-02T09:00:00Z',
    ...options,
  });

describe('Data Integrity refuses what it cannot sign faithfully', () => {
  it('refuses to sign a term its contexts do not define, and does not verify one added later', async () => {
    // VC 2.0's context has no @vocab (the final Recommendation moved it to an opt-in context), so this is undefined.
    await expect(sign({ ...credential(), houseColour: 'green' })).rejects.toThrow(
      /Safe mode validation error/,
    );
    const signed = structuredClone(await sign(credential()));
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({ verified: true });
    (signed.credentialSubject as Record<string, unknown>).houseColour = 'green';
    const result = await verifyDataIntegrity(signed, resolveDidKey);
    expect(result).toEqual({
      verified: false,
      problem: expect.stringMatching(/^Safe mode validation error/),
    });
    expect(result.problem).toContain('"property":"houseColour"');
  });

  it('refuses an undefined term in an Open Badges document too', async () => {
    const achievement = {
      '@context': [DATA_INTEGRITY_V2_CONTEXT, OB_V3_CONTEXT],
      id: 'https://credits.example.ac.uk/api/credentials/achievements/6a7b',
      type: 'Achievement',
      name: 'App building in a day',
    };
    await expect(sign(achievement)).resolves.toHaveProperty('proof.proofValue');
    await expect(sign({ ...achievement, favouriteColour: 'green' })).rejects.toThrow(
      /Safe mode validation error/,
    );
  });

  it("refuses a document whose contexts do not define the proof's own terms", async () => {
    // The proof configuration is read with the document's contexts: Open Badges alone does not define cryptosuite.
    const achievement = { '@context': [OB_V3_CONTEXT], id: 'urn:uuid:2', type: 'Achievement', name: 'x' };
    await expect(sign(achievement)).rejects.toThrow(/Safe mode validation error/);
  });

  it('refuses a relative IRI, which canonicalisation would otherwise drop', async () => {
    await expect(sign({ ...credential(), issuer: 'leeds' })).rejects.toThrow(/Safe mode validation error/);
  });

  it('refuses to sign a document that already has a proof, and a key that is not an Ed25519 private key', async () => {
    const signed = await sign(credential());
    await expect(sign(signed)).rejects.toThrow(/already has a proof/);
    await expect(
      signDataIntegrity(credential(), { privateKey: publicKey, verificationMethod }),
    ).rejects.toThrow(/expected an Ed25519 private key/);
    await expect(
      signDataIntegrity(credential(), { privateKey, verificationMethod, created: 'yesterday' }),
    ).rejects.toThrow(/created "yesterday" is not a date and time/);
  });
});

describe('Data Integrity proof checks', () => {
  const problemOf = async (change: (proof: Record<string, unknown>) => unknown, options = {}) => {
    const signed = structuredClone(
      await sign(credential(), { challenge: 'c-1', domain: 'credits.example.ac.uk' }),
    );
    const proof = signed.proof as unknown as Record<string, unknown>;
    const replaced = change(proof);
    const document = replaced === undefined ? signed : { ...signed, proof: replaced };
    return (await verifyDataIntegrity(document, resolveDidKey, options)).problem;
  };

  it('checks the challenge and domain a verifier expects', async () => {
    const expected = { challenge: 'c-1', domain: 'credits.example.ac.uk' };
    await expect(problemOf(() => undefined, expected)).resolves.toBeUndefined();
    await expect(problemOf(() => undefined, { challenge: 'c-2' })).resolves.toBe(
      'the proof does not carry the expected challenge',
    );
    await expect(problemOf(() => undefined, { domain: 'elsewhere.example' })).resolves.toBe(
      'the proof does not carry the expected domain',
    );
  });

  it.each([
    ['no proof', () => null, 'the proof is not an object'],
    [
      'a proof set',
      (proof: any) => [proof, proof],
      'proof sets are not supported: the document has several proofs',
    ],
    [
      'another type',
      (proof: any) => void (proof.type = 'Ed25519Signature2018'),
      'the proof is not one we verify (DataIntegrityProof with eddsa-rdfc-2022 or ecdsa-rdfc-2019, or Ed25519Signature2020)',
    ],
    [
      'an Ed25519Signature2020 proof that names a cryptosuite',
      (proof: any) => void (proof.type = 'Ed25519Signature2020'),
      'the proof is not one we verify (DataIntegrityProof with eddsa-rdfc-2022 or ecdsa-rdfc-2019, or Ed25519Signature2020)',
    ],
    [
      'another cryptosuite',
      (proof: any) => void (proof.cryptosuite = 'eddsa-jcs-2022'),
      'the proof is not one we verify (DataIntegrityProof with eddsa-rdfc-2022 or ecdsa-rdfc-2019, or Ed25519Signature2020)',
    ],
    [
      'another purpose',
      (proof: any) => void (proof.proofPurpose = 'authentication'),
      "the proof's purpose is not assertionMethod",
    ],
    ['no proofValue', (proof: any) => void delete proof.proofValue, 'the proof has no proofValue'],
    [
      'a short proofValue',
      (proof: any) => void (proof.proofValue = 'z2NEpo7TZRRrLZSi2U'),
      'the proofValue is 12 bytes, not an Ed25519 signature',
    ],
    [
      'a proofValue that is not base58btc',
      (proof: any) => void (proof.proofValue = 'u2NEpo7TZ'),
      'not multibase base58btc: it must start with "z"',
    ],
    [
      'a created that is no date',
      (proof: any) => void (proof.created = '2 December'),
      "the proof's created is not a date and time with a zone",
    ],
    [
      'an expiry passed',
      (proof: any) => void (proof.expires = '2026-12-01T00:00:00Z'),
      'the proof has expired',
    ],
    [
      'proof contexts the document does not start with',
      (proof: any) => void (proof['@context'] = [DATA_INTEGRITY_V2_CONTEXT]),
      "the document's @context does not start with the proof's @context",
    ],
  ])('reports %s', async (_what, change, problem) => {
    await expect(problemOf(change)).resolves.toBe(problem);
  });

  it("verifies a proof that repeats the document's contexts", async () => {
    await expect(problemOf((proof) => void (proof['@context'] = [VC_V2_CONTEXT]))).resolves.toBeUndefined();
  });

  it('reports a document without a proof', async () => {
    await expect(verifyDataIntegrity(credential(), resolveDidKey)).resolves.toEqual({
      verified: false,
      problem: 'the document has no proof',
    });
  });
});
