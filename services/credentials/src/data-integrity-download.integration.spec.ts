import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { jwtPayloadOf } from '@lib/vc';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { independentlyVerifiedDataIntegrity } from '../../spec-support/independent-di-verifier';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/**
 * A learner downloads their award credential (issued as a VC-JWT) with a Data Integrity proof (issue 14): the same
 * credential as the body's DID, proved by its current Ed25519 key; our verifiers and an independent one accept it.
 */
describe('downloading a credential in Data Integrity form', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let learnerId: string;
  let credential: { credentialId: string; jwt: string };
  let base: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 5);
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    ({ learnerId, credential } = await earnCredential(services, uni, 71));
    base = `/api/credentials/learners/me/credentials/${credential.credentialId}`;
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  const download = () =>
    fetch(`${credentials.url}${base}/download?format=data-integrity`, {
      headers: bearer('learner', { sub: learnerId }),
    });
  const downloaded = async () => {
    const answer = await download();
    expect(answer.status).toBe(200);
    return JSON.parse(await answer.text());
  };
  const vcApiVerify = (verifiableCredential: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/verify', { body: { verifiableCredential } });
  const ourVerify = (credential: unknown) =>
    ok(call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential } }));
  const didDocument = () =>
    ok(call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`));

  it('is the JWT’s credential as the body’s DID, proved at its validFrom, the same on every download', async () => {
    const answer = await download();
    expect(answer.headers.get('content-type')).toMatch(/^application\/vc(;|$)/);
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename="credential-.+\.json"/);
    const text = await answer.text();
    expect(await (await download()).text()).toBe(text);

    const proved = JSON.parse(text);
    const {
      iss: _iss,
      jti: _jti,
      sub: _sub,
      nbf: _nbf,
      iat: _iat,
      exp: _exp,
      ...vc
    } = jwtPayloadOf(credential.jwt) as Record<string, any>;
    const did = await didDocument();
    const { proof, issuer, ...rest } = proved;
    const { issuer: jwtIssuer, ...jwtRest } = vc;
    expect(rest).toEqual(jwtRest);
    expect(issuer).toEqual({ ...jwtIssuer, id: did.id });
    expect(proof).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: vc.validFrom,
      verificationMethod: did.assertionMethod[0],
      proofPurpose: 'assertionMethod',
      proofValue: expect.stringMatching(/^z/),
    });
  });

  it('verifies through the VC-API, our verifier and an independent one, and fails once tampered with', async () => {
    const proved = await downloaded();
    const verified = await vcApiVerify(proved);
    expect([verified.status, verified.body.verified, verified.body.status]).toEqual([200, true, 'valid']);
    expect(await ourVerify(proved)).toMatchObject({ status: 'valid', verified: true });
    expect(await independentlyVerifiedDataIntegrity(proved, credentials.url)).toEqual({ verified: true });

    for (const spoil of [
      (vc: any) => (vc.credentialSubject.creditsEarned = 50),
      (vc: any) => (vc.validFrom = '2020-01-01T00:00:00Z'),
      (vc: any) => (vc.issuer.name = 'Another University'),
    ]) {
      const copy = structuredClone(proved);
      spoil(copy);
      const refused = await vcApiVerify(copy);
      expect([refused.status, refused.body.verified]).toEqual([400, false]);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ check: 'signature' }));
    }
  });

  it('is proved by the current key after a rotation, while what the old key proved still verifies', async () => {
    const before = await downloaded();
    await ok(
      call(credentials.url, 'POST', `/api/credentials/issuers/${uni.awardingBodyId}/keys/rotation`, {
        headers: uni.registrar,
        body: { algorithm: 'Ed25519' },
      }),
    );
    const after = await downloaded();
    const did = await didDocument();
    expect(did.assertionMethod).toHaveLength(2);
    expect(after.proof.verificationMethod).toBe(did.assertionMethod[0]);
    expect(before.proof.verificationMethod).toBe(did.assertionMethod[1]);
    for (const proved of [before, after]) {
      expect((await vcApiVerify(proved)).status).toBe(200);
      expect(await independentlyVerifiedDataIntegrity(proved, credentials.url)).toEqual({ verified: true });
    }
  });

  it('still downloads once revoked, and then verifies as revoked', async () => {
    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${credential.credentialId}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Awarded in error' },
      }),
    );
    const proved = await downloaded();
    const refused = await vcApiVerify(proved);
    expect([refused.status, refused.body.status]).toEqual([400, 'revoked']);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'verifiableCredential', check: 'revocation' }),
    ]);
    expect(await independentlyVerifiedDataIntegrity(proved, credentials.url)).toEqual({
      verified: false,
      error: expect.stringContaining('revocation bit is set'),
    });
    const stranger = bearer('learner', { sub: uni.partnerId });
    const theirs = await call(credentials.url, 'GET', `${base}/download?format=data-integrity`, {
      headers: stranger,
    });
    expect(theirs.status).toBe(404);
  });
});
