import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { achievementCredential } from '../achievement-credential';
import { sampleCredentialInput } from '../testing/sample-credential';
import { didKeyOf, didKeyVerificationMethodOf, publicKeyOfDidKey } from './did-key';
import { signDataIntegrity } from './sign-data-integrity';
import { verifyDataIntegrity } from './verify-data-integrity';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const verificationMethod = didKeyVerificationMethodOf(publicKey);
/** As a verifier resolves a did:key: from the verification method alone. */
const resolveDidKey = (method: string): Promise<KeyObject> => Promise.resolve(publicKeyOfDidKey(method));

/** An Open Badges 3.0 credential as the issuing service builds it, issued by the key's did:key. */
function credential() {
  const built = achievementCredential(sampleCredentialInput());
  return { ...built, issuer: { ...built.issuer, id: didKeyOf(publicKey) } };
}

const sign = <T extends Record<string, unknown>>(
  document: T,
  options: { created?: string; challenge?: string; domain?: string } = {},
) =>
  signDataIntegrity(document, {
    privateKey,
    verificationMethod,
    created: '2026-12-02T09:00:00Z',
    ...options,
  });

describe('eddsa-rdfc-2022 signing and verification', () => {
  it('verifies what it signs, with the proof the cryptosuite defines', async () => {
    const signed = await sign(credential());
    expect(signed.proof).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2026-12-02T09:00:00Z',
      verificationMethod,
      proofPurpose: 'assertionMethod',
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{86,88}$/),
    });
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({ verified: true });
  });

  it('signs the learning outcomes an issuer adds under its own ext: IRI', async () => {
    const input = sampleCredentialInput();
    input.achievement.learningOutcomes = ['Build a small clinical app', 'Test it with users'];
    const built = achievementCredential(input);
    const signed = structuredClone(
      await sign({ ...built, issuer: { ...built.issuer, id: didKeyOf(publicKey) } }),
    );
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({ verified: true });
    signed.credentialSubject.achievement['ext:learningOutcomes'] = ['Build a small clinical app'];
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toMatchObject({ verified: false });
  });

  it('stamps the proof with the time to the second when no time is given', async () => {
    const signed = await signDataIntegrity(credential(), { privateKey, verificationMethod });
    expect(signed.proof.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(signed.proof.created!) - Date.now())).toBeLessThan(5000);
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({ verified: true });
  });

  it('does not depend on the order of members', async () => {
    const signed = await sign(credential());
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    await expect(verifyDataIntegrity(reordered, resolveDidKey)).resolves.toEqual({ verified: true });
  });

  it.each([
    ["the subject's name", (doc: any) => (doc.credentialSubject.name = 'Ada King')],
    ['the issuer', (doc: any) => (doc.issuer.name = 'University of Elsewhere')],
    ['validFrom', (doc: any) => (doc.validFrom = '2026-12-01T09:00:00Z')],
    ['the credits earned', (doc: any) => (doc.credentialSubject.creditsEarned = 50)],
    ['an added member', (doc: any) => (doc.credentialSubject.role = 'Admin')],
    ['proof.created', (doc: any) => (doc.proof.created = '2026-12-02T09:00:01Z')],
  ])('fails when %s is changed after signing', async (_what, tamper) => {
    const signed = structuredClone(await sign(credential()));
    tamper(signed);
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toEqual({
      verified: false,
      problem: 'the signature does not match the document and its proof',
    });
  });

  it('fails with another Ed25519 key, and says why with no key or a key of another kind', async () => {
    const signed = await sign(credential());
    const other = generateKeyPairSync('ed25519').publicKey;
    await expect(verifyDataIntegrity(signed, () => Promise.resolve(other))).resolves.toEqual({
      verified: false,
      problem: 'the signature does not match the document and its proof',
    });
    await expect(verifyDataIntegrity(signed, () => Promise.resolve(undefined))).resolves.toEqual({
      verified: false,
      problem: `the verification method ${verificationMethod} is not known`,
    });
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    await expect(verifyDataIntegrity(signed, () => Promise.resolve(p256))).resolves.toEqual({
      verified: false,
      problem: `the verification method ${verificationMethod} is not Ed25519`,
    });
  });

  it("fails when the proof names another key's verification method", async () => {
    const signed = structuredClone(await sign(credential()));
    signed.proof.verificationMethod = didKeyVerificationMethodOf(generateKeyPairSync('ed25519').publicKey);
    await expect(verifyDataIntegrity(signed, resolveDidKey)).resolves.toMatchObject({ verified: false });
  });
});
