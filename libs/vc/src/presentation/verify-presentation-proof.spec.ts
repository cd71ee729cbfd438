import { generateKeyPairSync, sign } from 'node:crypto';
import { multibaseBase58btcEncode } from '../data-integrity/base58btc';
import { didKeyOf, didKeyVerificationMethodOf, ecdsaPublicKeyMultibase } from '../data-integrity/did-key';
import { bundledDocumentLoader } from '../data-integrity/document-loader';
import { proofAndDocumentHash } from '../data-integrity/hash-data';
import { signDataIntegrity } from '../data-integrity/sign-data-integrity';
import { signJws } from '../jws';
import { MAX_PRESENTED_CREDENTIALS } from './presentation-shape';
import { verifyPresentationProof } from './verify-presentation-proof';

const VC = 'https://www.w3.org/ns/credentials/v2';
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const holder = didKeyOf(publicKey);
const kid = didKeyVerificationMethodOf(publicKey);
const asked = { challenge: 'n-1', domain: 'https://verifier.example.org' };
const presentation = (over: Record<string, unknown> = {}) => ({
  '@context': [VC],
  type: ['VerifiablePresentation'],
  holder,
  verifiableCredential: 'a.b.c',
  ...over,
});
const vpJwt = (payload: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  signJws(
    { alg: 'EdDSA', kid, ...header },
    { ...presentation(), nonce: 'n-1', aud: asked.domain, ...payload },
    privateKey,
  );
const problems = async (input: unknown) =>
  (await verifyPresentationProof(input, asked)).problems.map((problem) => problem.check);

describe('verifyPresentationProof', () => {
  it('reads a VP-JWT bare, as its data URL, and enveloped, and hands back the credentials it carries', async () => {
    const jws = vpJwt();
    for (const form of [
      jws,
      `data:application/vp+jwt,${jws}`,
      { '@context': [VC], type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${jws}` },
    ]) {
      const result = await verifyPresentationProof(form, asked);
      expect(result.problems).toEqual([]);
      expect(result.credentials).toEqual(['a.b.c']);
      expect(result.provenHolder).toBe(holder);
    }
  });

  it('names the proven holder only when the proof and the holder key hold', async () => {
    expect((await verifyPresentationProof(vpJwt({ aud: 'https://other.example' }), asked)).provenHolder).toBe(
      holder,
    );
    expect((await verifyPresentationProof(`${vpJwt()}x`, asked)).provenHolder).toBeUndefined();
    const stranger = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    expect((await verifyPresentationProof(vpJwt({ holder: stranger }), asked)).provenHolder).toBeUndefined();
  });

  it('accepts an aud list holding the domain, and a holder given as an object', async () => {
    expect(
      await problems(vpJwt({ aud: ['https://other.example', asked.domain], holder: { id: holder } })),
    ).toEqual([]);
  });

  it.each([
    ['an expired VP-JWT', () => vpJwt({ exp: Math.floor(Date.now() / 1000) - 60 }), ['presentation-proof']],
    [
      'a VP-JWT not signed EdDSA',
      () =>
        signJws(
          { alg: 'ES256', kid },
          { ...presentation(), nonce: 'n-1', aud: asked.domain },
          generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        ),
      ['presentation-proof'],
    ],
    [
      'a VP-JWT with another iss',
      () => vpJwt({ iss: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }),
      ['holder-key'],
    ],
    [
      'an envelope with another id',
      () => ({ '@context': [VC], type: 'EnvelopedVerifiablePresentation', id: 'data:application/vc+jwt,x' }),
      ['presentation-format'],
    ],
    [
      'a credential, not a presentation',
      () => vpJwt({ type: ['VerifiableCredential'] }),
      ['presentation-format'],
    ],
    ['a number', () => 42, ['presentation-format']],
    [
      'a holder that is neither an id nor an object with one',
      () => vpJwt({ holder: 7 }),
      ['presentation-format'],
    ],
    [
      'too many credentials',
      () => vpJwt({ verifiableCredential: Array(MAX_PRESENTED_CREDENTIALS + 1).fill('a.b.c') }),
      ['presentation-format'],
    ],
  ])('refuses %s', async (_, build, checks) => {
    expect(await problems(build())).toEqual(checks);
  });

  it('refuses a Data Integrity presentation made for assertion, not authentication', async () => {
    const signed = await signDataIntegrity(presentation({ verifiableCredential: [] }), {
      privateKey,
      verificationMethod: kid,
      ...asked,
    });
    const result = await verifyPresentationProof(signed, asked);
    expect(result.problems).toEqual([
      { check: 'presentation-proof', message: expect.stringContaining('purpose is not authentication') },
    ]);
  });

  it('verifies a Data Integrity presentation by a P-256 did:key holder (ecdsa-rdfc-2019), not once changed', async () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const multibase = ecdsaPublicKeyMultibase(p256.publicKey);
    const unsigned = presentation({ holder: `did:key:${multibase}`, verifiableCredential: [] });
    const options = {
      type: 'DataIntegrityProof',
      cryptosuite: 'ecdsa-rdfc-2019',
      created: '2026-12-02T09:00:00Z',
      verificationMethod: `did:key:${multibase}#${multibase}`,
      proofPurpose: 'authentication',
      ...asked,
    };
    // Signed the way the suite says, with node:crypto: not an independent implementation (see the integration spec).
    const hashData = await proofAndDocumentHash(unsigned, options, bundledDocumentLoader, 'sha256');
    const proofValue = multibaseBase58btcEncode(
      sign('sha256', hashData, { key: p256.privateKey, dsaEncoding: 'ieee-p1363' }),
    );
    const signed = { ...unsigned, proof: { ...options, proofValue } };
    expect((await verifyPresentationProof(signed, asked)).problems).toEqual([]);
    const changed = { ...signed, proof: { ...signed.proof, created: '2026-12-02T09:00:01Z' } };
    expect((await verifyPresentationProof(changed, asked)).problems).toEqual([
      { check: 'presentation-proof', message: expect.stringContaining('the signature does not match') },
    ]);
  });
});
