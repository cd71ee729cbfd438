import { randomUUID } from 'node:crypto';
import { creditApprovedV1, TOPICS } from '@lib/contracts';
import {
  bearer,
  call,
  clrSchemaProblems,
  EventPublisher,
  EventRecorder,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { completeAndRatify } from '../../spec-support/credentials';
import {
  anotherOffering,
  learner,
  ok,
  setUpUniversity,
  type University,
} from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const DATA_URL = 'data:application/vc+jwt,';

/**
 * The learner's record (issue 16): a CLR 2.0 ClrCredential from one awarding body, holding the learner's credentials
 * as issued and the MSc credit recognition approved for them; checked by `jose` from the published JWK set, by a
 * JSON Schema of the CLR 2.0 data model, and by our verifier with each held credential's result.
 */
describe('learner records (CLR 2.0)', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  const publisher = new EventPublisher(prefix, '/credit-bridge/recognition');
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let learnerId: string;
  let learnerToken: { authorization: string };
  let details: ReturnType<typeof learner>;
  /** The learner's three credentials, newest first. */
  let held: { credentialId: string; jwt: string }[];

  const stack = () => ({
    enrolment: enrolment.url,
    assessment: assessment.url,
    credentials: credentials.url,
  });
  const cr = (
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ) => call(credentials.url, method, `/api/credentials${path}`, options);
  const makeRecord = (awardingBodyId: string, headers = learnerToken) =>
    cr('POST', '/learners/me/clr', { headers, body: { awardingBodyId } });
  const verify = (credential: unknown) => ok(cr('POST', '/verify', { body: { credential } }));

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    await Promise.all([recorder.start(), publisher.start()]);
    uni = await setUpUniversity(enrolment.url);
    details = learner(`clr-${randomUUID().slice(0, 6)}`);
    const courses = [
      uni,
      await anotherOffering(enrolment.url, uni),
      await anotherOffering(enrolment.url, uni),
    ];
    const learnerIds = new Set<string>();
    for (const [n, course] of courses.entries())
      learnerIds.add((await completeAndRatify(stack(), course, 60 + n * 10, { learner: details })).learnerId);
    expect(learnerIds.size).toBe(1);
    learnerId = [...learnerIds][0]!;
    learnerToken = bearer('learner', { sub: learnerId });
    held = await waitFor(
      async () => {
        const mine = await ok(cr('GET', '/learners/me/credentials', { headers: learnerToken }));
        return mine.items.length === 3 ? mine.items : undefined;
      },
      { what: 'three credentials to be issued', timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await publisher.stop();
    await recorder.stop();
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  it('signs the record as the body, holds each credential as issued, states the MSc credit, and supersedes the previous record', async () => {
    // Before any credit: a record of the three credentials; asked again unchanged, the same record.
    const first = await makeRecord(uni.awardingBodyId);
    expect(first.status).toBe(201);
    expect(first.body.record).toMatchObject({ credits: [], status: { state: 'active' } });
    expect([...first.body.record.credentialIds].sort()).toEqual(held.map((c) => c.credentialId).sort());
    const again = await makeRecord(uni.awardingBodyId);
    expect([again.status, again.body.created, again.body.record.credentialId]).toEqual([
      200,
      false,
      first.body.record.credentialId,
    ]);

    // Recognition approves 15 credits toward an MSc module from two of them: a stacked set.
    const stacked = [held[1]!.credentialId, held[2]!.credentialId];
    const decidedAt = '2026-12-10T09:30:00.000Z';
    const creditId = randomUUID();
    await publisher.publish(creditApprovedV1, {
      creditId,
      learnerId,
      programmeId: randomUUID(),
      programmeCode: 'MSC-DH',
      moduleCode: 'DH7001',
      credits: 15,
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      sourceCredentialIds: stacked,
      decidedBy: 'registrar-msc',
      decidedAt,
    });
    const second = await waitFor(
      async () => {
        const answer = await makeRecord(uni.awardingBodyId);
        return answer.status === 201 ? answer : undefined;
      },
      { what: 'a new record once the credit is known' },
    );
    const record = second.body.record;
    expect(record.credits).toEqual([
      {
        creditId,
        programmeCode: 'MSC-DH',
        moduleCode: 'DH7001',
        credits: 15,
        sourceCredentialIds: stacked,
        decidedAt,
      },
    ]);

    // jose verifies it with the hub's published JWK set alone.
    const jwks = createLocalJWKSet(await ok(cr('GET', '/keys')));
    const { payload, protectedHeader } = await jwtVerify(record.jwt, jwks);
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const clr = payload as any;
    expect(clrSchemaProblems(clr)).toEqual([]);
    expect(clr).toMatchObject({
      id: record.credentialId,
      jti: record.credentialId,
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: `http://localhost:3000/api/credentials/issuers/${uni.awardingBodyId}` },
      credentialSubject: { id: `urn:uuid:${learnerId}`, type: ['ClrSubject'] },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
    });
    expect(clr['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);

    // Each held credential is the learner's, as issued, and verifies on its own (jose and our verifier).
    const inner: string[] = clr.credentialSubject.verifiableCredential.map((entry: any) => {
      expect(entry.type).toBe('EnvelopedVerifiableCredential');
      return entry.id.slice(DATA_URL.length);
    });
    expect([...inner].sort()).toEqual(held.map((c) => c.jwt).sort());
    for (const jwt of inner) {
      await jwtVerify(jwt, jwks);
      expect((await verify(jwt)).status).toBe('valid');
    }

    // The achievements: the three courses and the MSc module; each stacked credential's achievement isPartOf it.
    const module = clr.credentialSubject.achievement.find((a: any) => a.humanCode === 'DH7001');
    expect(clr.credentialSubject.achievement).toHaveLength(4);
    expect(module).toMatchObject({ creditsAvailable: 15, type: ['Achievement'] });
    expect(module.description).toContain('approved on 2026-12-10');
    const achievementOf = (jwt: string) =>
      JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).credentialSubject.achievement.id;
    const byId = new Map(held.map((c) => [c.credentialId, c.jwt]));
    expect(clr.credentialSubject.association).toEqual(
      stacked.map((id) => ({
        type: 'Association',
        associationType: 'isPartOf',
        sourceId: achievementOf(byId.get(id)!),
        targetId: module.id,
      })),
    );

    // The record verifies with each credential's result; the superseded one is revoked, saying by which.
    const result = await verify(record.jwt);
    expect([result.status, result.heldCredentials.map((r: any) => r.status)]).toEqual([
      'valid',
      ['valid', 'valid', 'valid'],
    ]);
    expect(result.headline).toContain('Each of the 3 credentials it holds verifies.');
    const superseded = await verify(first.body.record.jwt);
    expect([superseded.status, superseded.reason]).toEqual([
      'revoked',
      `Superseded by ${record.credentialId}`,
    ]);
    const listed = await ok(cr('GET', '/learners/me/clr', { headers: learnerToken }));
    expect(listed.items.map((r: any) => [r.credentialId, r.status.state])).toEqual([
      [record.credentialId, 'active'],
      [first.body.record.credentialId, 'revoked'],
    ]);

    // Both recorded with their events.
    const [issued] = await recorder.waitFor(
      TOPICS.credentialsLearnerRecordIssued,
      (data) => data.credentialId === record.credentialId,
    );
    expect(issued!.envelope.data).toMatchObject({
      learnerId,
      awardingBodyId: uni.awardingBodyId,
      supersedes: first.body.record.credentialId,
      creditIds: [creditId],
      jwt: record.jwt,
    });
    await recorder.waitFor(
      TOPICS.credentialsLearnerRecordRevoked,
      (data) =>
        data.credentialId === first.body.record.credentialId && data.revokedBy === 'system:superseded',
    );

    // Downloads: the signed .jwt, and the decoded JSON.
    const path = `/learners/me/clr/${record.credentialId}/download`;
    const asJwt = await cr('GET', `${path}?format=jwt`, { headers: learnerToken });
    expect(asJwt.status).toBe(200);
    expect(String(asJwt.body)).toBe(record.jwt);
    const asJson = await ok(cr('GET', `${path}?format=json`, { headers: learnerToken }));
    expect(asJson.credential.id).toBe(record.credentialId);
    const stranger = bearer('learner', { sub: randomUUID() });
    expect((await cr('GET', path, { headers: stranger })).status).toBe(404);

    // In Data Integrity form: the same record as the body's DID, proved by its Ed25519 key with the CLR 2.0
    // context; our verifier checks the proof and each credential it holds; any change fails the proof.
    const asDi = await fetch(`${credentials.url}/api/credentials${path}?format=data-integrity`, {
      headers: learnerToken,
    });
    expect(asDi.headers.get('content-type')).toMatch(/^application\/vc(;|$)/);
    const proved = (await asDi.json()) as any;
    const did = await ok(cr('GET', `/issuers/${uni.awardingBodyId}/did.json`));
    const { iss: _iss, jti: _jti, sub: _sub, nbf: _nbf, iat: _iat, exp: _exp, ...vc } = clr;
    const { proof, issuer, ...rest } = proved;
    const { issuer: jwtIssuer, ...jwtRest } = vc;
    expect(rest).toEqual(jwtRest);
    expect(issuer).toEqual({ ...jwtIssuer, id: did.id });
    expect(proof).toMatchObject({
      cryptosuite: 'eddsa-rdfc-2022',
      created: vc.validFrom,
      verificationMethod: did.assertionMethod[0],
    });
    const provedResult = await verify(proved);
    expect([provedResult.status, provedResult.heldCredentials.map((r: any) => r.status)]).toEqual([
      'valid',
      ['valid', 'valid', 'valid'],
    ]);
    for (const spoil of [
      (copy: any) => (copy.credentialSubject.association[0].targetId = 'urn:credit-bridge:elsewhere'),
      (copy: any) => (copy.partial = true),
      (copy: any) => copy.credentialSubject.verifiableCredential.pop(),
    ]) {
      const copy = structuredClone(proved);
      spoil(copy);
      const refused = await verify(copy);
      expect(refused.status).toBe('invalid');
      expect(refused.checks.find((check: any) => check.id === 'signature').outcome).toBe('failed');
    }
  }, 120_000);

  it("shows a held credential's revocation in the record's result, and the body's registrar revokes the record", async () => {
    const record = (await ok(cr('GET', '/learners/me/clr', { headers: learnerToken }))).items[0];
    const revokedOne = held[0]!.credentialId;
    await ok(
      cr('POST', `/credentials/${revokedOne}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Awarded in error' },
      }),
    );
    const result = await waitFor(
      async () => {
        const answer = await verify(record.jwt);
        return answer.heldCredentials.some((r: any) => r.status === 'revoked') ? answer : undefined;
      },
      { what: "the held credential's revocation to show" },
    );
    expect(result.status).toBe('valid');
    expect(result.headline).toContain('1 of the 3 credentials it holds did not verify');
    const revoked = result.heldCredentials.find((r: any) => r.summary.credentialId === revokedOne);
    expect([revoked.status, revoked.reason]).toEqual(['revoked', 'Awarded in error']);

    // A record asked for now holds the two in good standing, and supersedes the one above.
    const next = await makeRecord(uni.awardingBodyId);
    expect(next.status).toBe(201);
    expect(next.body.record.credentialIds).not.toContain(revokedOne);
    expect(next.body.record.credentialIds).toHaveLength(2);

    // Only the body's registrar revokes it; a record can be revoked, not suspended.
    const recordPath = `/credentials/${next.body.record.credentialId}`;
    const otherBody = bearer('registrar', { org: randomUUID() });
    expect(
      (await cr('POST', `${recordPath}/revocation`, { headers: otherBody, body: { reason: 'x' } })).status,
    ).toBe(404);
    expect(
      (await cr('POST', `${recordPath}/suspension`, { headers: uni.registrar, body: { reason: 'x' } }))
        .status,
    ).toBe(409);
    await ok(
      cr('POST', `${recordPath}/revocation`, { headers: uni.registrar, body: { reason: 'Issued in error' } }),
    );
    const after = await verify(next.body.record.jwt);
    expect([after.status, after.reason]).toEqual(['revoked', 'Issued in error']);
  }, 120_000);

  it('makes and verifies a record of 50 credentials, larger than the 64 KB any other credential may be', async () => {
    // The learner holds two credentials in good standing from this body (one was revoked above): 48 more make 50.
    const courses = await Promise.all(Array.from({ length: 48 }, () => anotherOffering(enrolment.url, uni)));
    for (let at = 0; at < courses.length; at += 8)
      await Promise.all(
        courses
          .slice(at, at + 8)
          .map((course, n) => completeAndRatify(stack(), course, 50 + ((at + n) % 40), { learner: details })),
      );
    await waitFor(
      async () => {
        const mine = await ok(cr('GET', '/learners/me/credentials?pageSize=100', { headers: learnerToken }));
        return mine.items.length === 51 ? true : undefined;
      },
      { what: '51 credentials to be issued', timeoutMs: 120_000 },
    );
    const made = await makeRecord(uni.awardingBodyId);
    expect(made.status).toBe(201);
    const record = made.body.record;
    expect(record.credentialIds).toHaveLength(50);
    expect(Buffer.byteLength(record.jwt)).toBeGreaterThan(64 * 1024);

    const result = await verify(record.jwt);
    expect(result.checks.find((check: any) => check.id === 'format').outcome).toBe('passed');
    expect(result.status).toBe('valid');
    expect(result.heldCredentials).toHaveLength(50);
    expect(result.heldCredentials.every((one: any) => one.status === 'valid')).toBe(true);
    expect(result.headline).toContain('Each of the 50 credentials it holds verifies.');
    const vcApi = await cr('POST', '/credentials/verify', { body: { verifiableCredential: record.jwt } });
    expect([vcApi.status, vcApi.body.verified]).toEqual([200, true]);
  }, 300_000);

  it('answers bad requests clearly', async () => {
    const malformed = await makeRecord('not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('awardingBodyId');
    expect((await makeRecord(randomUUID())).status).toBe(404);
    // Another awarding body, which issues credentials but none to this learner.
    const other = await setUpUniversity(enrolment.url);
    await waitFor(async () => (await cr('GET', `/issuers/${other.awardingBodyId}`)).status === 200, {
      what: 'the other body to become an issuer',
    });
    const none = await makeRecord(other.awardingBodyId);
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'awardingBodyId' })]);
    // A learner with no credentials at all.
    expect((await makeRecord(uni.awardingBodyId, bearer('learner', { sub: randomUUID() }))).status).toBe(422);
    expect(
      (
        await cr('POST', '/learners/me/clr', {
          headers: uni.registrar,
          body: { awardingBodyId: uni.awardingBodyId },
        })
      ).status,
    ).toBe(403);
  }, 60_000);
});
