import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { call, type RunningService, startTestService, waitFor } from '@lib/testing';
import { didKeyOf, didKeyVerificationMethodOf, signDataIntegrity, signJws } from '@lib/vc';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const VC = 'https://www.w3.org/ns/credentials/v2';
const UNDEFINED_TERMS = 'https://www.w3.org/ns/credentials/undefined-terms/v2';
const CHALLENGE = 'c0ffee-5eed-42';
const DOMAIN = 'https://verifier.example.org';

/** A holder's wallet key: Ed25519, named by its did:key. */
function holderKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, did: didKeyOf(publicKey), method: didKeyVerificationMethodOf(publicKey) };
}
type Holder = ReturnType<typeof holderKey>;

interface Signing {
  /** Whose key signs; the holder's unless given. */
  signer?: { privateKey: KeyObject; method: string };
  challenge?: string;
  domain?: string;
  credentials?: unknown[];
}

/**
 * Presentations (issue 14): a holder presents credentials issued through the stack, as a Data Integrity presentation
 * and as a VP-JWT, signed with their own did:key; the verifier checks the holder's proof, the challenge and domain it
 * gave, and every credential inside.
 */
describe('verifying presentations through the W3C VC-API', () => {
  let enrolment: RunningService;
  let credentials: RunningService;
  let uni: University;
  const holder: Holder = holderKey();
  let presented: unknown[];

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService);
    credentials = await startTestService('credentials', credentialsService);
    uni = await setUpUniversity(enrolment.url, 5);
    await waitFor(
      async () =>
        (await call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}`)).status === 200,
      { what: 'the awarding body to become an issuer' },
    );
    const did = await ok(
      call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`),
    );
    const membership = (issuer: string) => ({
      '@context': [VC, UNDEFINED_TERMS],
      type: ['VerifiableCredential', 'HackDayMembershipCredential'],
      issuer,
      credentialSubject: { id: holder.did, memberOf: 'Code4Health Leeds', role: 'mentor' },
    });
    const issue = async (credential: unknown, options?: unknown) =>
      (
        await ok(
          call(credentials.url, 'POST', '/api/credentials/credentials/issue', {
            headers: uni.registrar,
            body: { credential, ...(options ? { options } : {}) },
          }),
        )
      ).verifiableCredential;
    const issuerId = `http://localhost:3000/api/credentials/issuers/${uni.awardingBodyId}`;
    // One credential of each form we issue: an enveloped VC-JWT and a Data Integrity credential.
    presented = [
      await issue(membership(issuerId)),
      await issue(membership(did.id), { format: 'data-integrity' }),
    ];
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await enrolment?.stop();
  });

  const presentation = (credentialsInside: unknown[]) => ({
    '@context': [VC],
    type: ['VerifiablePresentation'],
    holder: holder.did,
    verifiableCredential: credentialsInside,
  });

  /** Both forms, each signed by `signer` with the challenge and domain given. */
  const forms: [string, (signing: Signing) => Promise<unknown>][] = [
    [
      'a Data Integrity presentation',
      ({ signer = holder, challenge, domain, credentials: inside = presented }) =>
        signDataIntegrity(presentation(inside), {
          privateKey: signer.privateKey,
          verificationMethod: signer.method,
          proofPurpose: 'authentication',
          ...(challenge === undefined ? {} : { challenge }),
          ...(domain === undefined ? {} : { domain }),
        }),
    ],
    [
      'a VP-JWT',
      ({ signer = holder, challenge, domain, credentials: inside = presented }) =>
        Promise.resolve({
          '@context': [VC],
          type: 'EnvelopedVerifiablePresentation',
          id: `data:application/vp+jwt,${signJws(
            { alg: 'EdDSA', kid: signer.method, typ: 'vp+jwt' },
            { ...presentation(inside), iss: holder.did, nonce: challenge, aud: domain },
            signer.privateKey,
          )}`,
        }),
    ],
  ];

  const verify = (
    verifiablePresentation: unknown,
    options: object = { challenge: CHALLENGE, domain: DOMAIN },
  ) =>
    call(credentials.url, 'POST', '/api/credentials/presentations/verify', {
      body: { verifiablePresentation, options },
    });
  const failedChecks = (body: { errors: { check: string; field: string }[] }) => {
    expect(body.errors.every((error) => error.field === 'verifiablePresentation')).toBe(true);
    return body.errors.map((error) => error.check);
  };
  const asked = { challenge: CHALLENGE, domain: DOMAIN };

  describe.each(forms)('%s', (_, sign) => {
    it('verifies when the holder signed it with the challenge and domain asked for', async () => {
      const answer = await verify(await sign(asked));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ verified: true, errors: [], warnings: [] });
      expect([...answer.body.checks].sort()).toEqual(
        [
          'challenge',
          'credentials',
          'domain',
          'holder-key',
          'presentation-format',
          'presentation-proof',
        ].sort(),
      );
      expect(answer.body.credentialResults.map((result: { verified: boolean }) => result.verified)).toEqual([
        true,
        true,
      ]);
    });

    it.each([
      ['another challenge', { ...asked, challenge: 'an-old-nonce' }, 'challenge'],
      ['no challenge', { domain: DOMAIN }, 'challenge'],
      ['another domain', { ...asked, domain: 'https://elsewhere.example.com' }, 'domain'],
    ])('refuses one signed with %s', async (_what, signing, check) => {
      const answer = await verify(await sign(signing));
      expect([answer.status, answer.body.verified, answer.body.statusCode]).toEqual([400, false, 400]);
      expect(failedChecks(answer.body)).toEqual([check]);
    });

    it('refuses one whose credential was tampered with, naming the credential and its failed check', async () => {
      const tampered = structuredClone(presented[1]) as { credentialSubject: { role: string } };
      tampered.credentialSubject.role = 'organiser';
      const answer = await verify(await sign({ ...asked, credentials: [presented[0], tampered] }));
      expect([answer.status, answer.body.verified]).toEqual([400, false]);
      const inner = answer.body.errors.filter(
        (error: { credentialIndex?: number }) => error.credentialIndex === 1,
      );
      expect(inner.map((error: { check: string }) => error.check)).toContain('credentials');
      expect(inner.map((error: { check: string }) => error.check)).toContain('signature');
      expect(
        answer.body.errors.every((error: { credentialIndex?: number }) => error.credentialIndex === 1),
      ).toBe(true);
      expect(answer.body.credentialResults.map((result: { verified: boolean }) => result.verified)).toEqual([
        true,
        false,
      ]);
    });

    it("refuses one signed by another key than the holder's", async () => {
      const answer = await verify(await sign({ ...asked, signer: holderKey() }));
      expect([answer.status, answer.body.verified]).toEqual([400, false]);
      expect(failedChecks(answer.body)).toEqual(['holder-key']);
    });
  });

  it('warns when no challenge or domain was asked for, and refuses a proof by other than a did:key', async () => {
    const unasked = await verify(await forms[0]![1]({}), {});
    expect([unasked.status, unasked.body.warnings.map((w: { check: string }) => w.check)]).toEqual([
      200,
      ['challenge', 'domain'],
    ]);
    const web = await forms[0]![1]({
      ...asked,
      signer: { ...holder, method: 'did:web:wallet.example.com#key-1' },
    });
    const refused = await verify(web);
    expect(failedChecks(refused.body)).toEqual(['presentation-proof']);
    expect(refused.body.message).toContain('did:key');
  });

  it('refuses a presentation changed after it was signed, and a request outside the schema', async () => {
    const signed = (await forms[0]![1](asked)) as Record<string, unknown>;
    const changed = await verify({ ...signed, holder: { id: holder.did, name: 'Mallory' } });
    expect(failedChecks(changed.body)).toEqual(['presentation-proof']);
    const extra = await call(credentials.url, 'POST', '/api/credentials/presentations/verify', {
      body: {
        verifiablePresentation: signed,
        options: { challenge: CHALLENGE, proofPurpose: 'authentication' },
      },
    });
    expect(extra.status).toBe(400);
  });
});
