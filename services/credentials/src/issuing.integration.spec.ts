import { TOPICS } from '@lib/contracts';
import {
  bearer,
  call,
  EventRecorder,
  openBadgesSchemaProblems,
  readPdf,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { gunzipSync } from 'node:zlib';
import { publicKeyOfMultibase, verifyDataIntegrity } from '@lib/vc';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { completeAndRatify, credentialOf as credentialOfLearner } from '../../spec-support/credentials';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/** From enrolment to a signed credential: the award rule, issuing, and a hold when the partner was not authorised. */
describe('issuing credentials', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    await recorder.start();
  });

  afterAll(async () => {
    await recorder.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  const stack = () => ({
    enrolment: enrolment.url,
    assessment: assessment.url,
    credentials: credentials.url,
  });
  const earn = (uni: University, mark: number, beforeCompletion?: () => Promise<void>) =>
    completeAndRatify(stack(), uni, mark, beforeCompletion ? { beforeCompletion } : {});
  const credentialOf = (learnerId: string) => credentialOfLearner(credentials.url, learnerId);

  it('issues one signed Open Badges 3.0 credential that verifies with the published key alone', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 68);
    const learnerToken = bearer('learner', { sub: enrolled.learnerId });
    const credential = await credentialOf(enrolled.learnerId);

    const header = decodeProtectedHeader(credential.jwt);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const jwk = await ok(
      call(credentials.url, 'GET', (header.kid as string).replace('http://localhost:3000', '')),
    );
    const set = await ok(call(credentials.url, 'GET', '/api/credentials/keys'));
    expect(set.keys).toContainEqual(jwk);
    const { payload } = await jwtVerify(credential.jwt, await importJWK(jwk, 'ES256'));
    const vc = payload as any;
    expect(payload).toMatchObject({
      iss: vc.issuer.id,
      jti: vc.id,
      sub: `urn:uuid:${enrolled.learnerId}`,
      nbf: Date.parse(vc.validFrom) / 1000,
    });
    expect(vc.id).toBe(credential.credentialId);
    // As a strict Open Badges 3.0 validator reads it (its one credentialStatus included).
    expect(openBadgesSchemaProblems(vc)).toEqual([]);
    expect(vc['@context'].slice(0, 2)).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.credentialSubject).toMatchObject({
      id: `urn:uuid:${enrolled.learnerId}`,
      type: ['AchievementSubject'],
      creditsEarned: 5,
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true }],
      source: { type: ['Profile'] },
      achievement: { type: ['Achievement'], creditsAvailable: 5, humanCode: expect.any(String) },
    });
    const descriptions = vc.credentialSubject.achievement.resultDescription.map((d: any) => d.id);
    expect(vc.credentialSubject.result).toEqual([
      expect.objectContaining({ value: '68', resultDescription: descriptions[0] }),
      expect.objectContaining({ value: 'Pass', resultDescription: descriptions[1] }),
    ]);
    // One entry, as Open Badges 3.0 allows (0..1): revocation.
    expect(vc.credentialStatus).toEqual(
      expect.objectContaining({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' }),
    );
    const listPath = (vc.credentialStatus.statusListCredential as string).replace(
      'http://localhost:3000',
      '',
    );
    const list = await call(credentials.url, 'GET', listPath);
    expect(list.status).toBe(200);
    const { payload: listPayload } = await jwtVerify(list.body, await importJWK(jwk, 'ES256'));
    expect(listPayload).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      iss: vc.issuer.id,
    });

    const [issued] = await recorder.waitFor(
      TOPICS.credentialsCredentialIssued,
      (d) => d.learnerId === enrolled.learnerId,
    );
    expect(issued!.envelope.data).toMatchObject({
      credentialId: vc.id,
      credits: { value: 5, scheme: 'UK' },
      level: { framework: 'FHEQ', level: 7 },
      jwt: credential.jwt,
    });
    expect(
      await ok(
        call(credentials.url, 'GET', '/api/credentials/learners/me/credentials', { headers: learnerToken }),
      ),
    ).toMatchObject({ items: [{ credentialId: vc.id }], total: 1, page: 1, pageSize: 50 });
  });

  it('lets the learner download their credential and share it by a link until they withdraw it', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 66);
    const headers = bearer('learner', { sub: enrolled.learnerId });
    const credential = await credentialOf(enrolled.learnerId);
    const base = `/api/credentials/learners/me/credentials/${credential.credentialId}`;

    const jwt = await fetch(`${credentials.url}${base}/download?format=jwt`, { headers });
    expect(jwt.headers.get('content-type')).toContain('application/vc+jwt');
    expect(jwt.headers.get('content-disposition')).toMatch(/attachment; filename="credential-.+\.jwt"/);
    expect(await jwt.text()).toBe(credential.jwt);
    const json = await ok(call(credentials.url, 'GET', `${base}/download?format=json`, { headers }));
    expect(json).toMatchObject({
      credentialId: credential.credentialId,
      jwt: credential.jwt,
      credential: { id: credential.credentialId, type: ['VerifiableCredential', 'OpenBadgeCredential'] },
      envelope: { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${credential.jwt}` },
    });
    expect(json.credential).not.toHaveProperty('jti');
    const stranger = bearer('learner', { sub: uni.partnerId });
    expect((await call(credentials.url, 'GET', `${base}/download`, { headers: stranger })).status).toBe(404);

    const link = await ok(call(credentials.url, 'POST', `${base}/share-links`, { headers }));
    expect(link).toMatchObject({
      purpose: 'share',
      url: `http://localhost:3000/verify?share=${link.token}`,
      dataUrl: `http://localhost:3000/api/credentials/shared/${link.token}`,
    });
    const shared = await ok(call(credentials.url, 'GET', `/api/credentials/shared/${link.token}`));
    expect(shared.jwt).toBe(credential.jwt);
    expect(
      (
        await call(
          credentials.url,
          'POST',
          `/api/credentials/learners/me/share-links/${link.token}/withdrawal`,
          { headers: stranger },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          credentials.url,
          'POST',
          `/api/credentials/learners/me/share-links/${link.token}/withdrawal`,
          { headers },
        )
      ).status,
    ).toBe(204);
    expect((await call(credentials.url, 'GET', `/api/credentials/shared/${link.token}`)).status).toBe(404);
    expect(
      (
        await call(
          credentials.url,
          'POST',
          `/api/credentials/learners/me/share-links/${link.token}/withdrawal`,
          { headers },
        )
      ).status,
    ).toBe(409);
  });

  it('gives the learner a PDF certificate: readable, with a QR code to the verification page and the JWT attached', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 74);
    const headers = bearer('learner', { sub: enrolled.learnerId });
    const credential = await credentialOf(enrolled.learnerId);
    const base = `/api/credentials/learners/me/credentials/${credential.credentialId}`;

    const download = await fetch(`${credentials.url}${base}/download?format=pdf`, { headers });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="credential-.+\.pdf"/);
    const pdf = await readPdf(new Uint8Array(await download.arrayBuffer()));

    expect(pdf.text).toContain(`${enrolled.learner.givenName} ${enrolled.learner.familyName}`);
    expect(pdf.text).toContain('App building in a day');
    expect(pdf.text).toContain('5 UK credits at FHEQ level 7 (EQF level 7)');
    expect(pdf.text).toMatch(/University [0-9a-f]{8}/);
    expect(pdf.text).toMatch(/Delivered by\s+Code4Health [0-9a-f]{8}/);

    expect(pdf.qrCodes).toHaveLength(1);
    const qr = new URL(pdf.qrCodes[0]!);
    expect(`${qr.origin}${qr.pathname}`).toBe('http://localhost:3000/verify');
    const token = qr.searchParams.get('share')!;
    const links = await ok(
      call(credentials.url, 'GET', '/api/credentials/learners/me/share-links', { headers }),
    );
    expect(links.items).toEqual([
      expect.objectContaining({ token, purpose: 'certificate', credentialId: credential.credentialId }),
    ]);
    expect((await ok(call(credentials.url, 'GET', `/api/credentials/shared/${token}`))).jwt).toBe(
      credential.jwt,
    );

    const attached = pdf.attachments['credential.jwt']!;
    expect(attached).toBe(credential.jwt);
    const { kid } = decodeProtectedHeader(attached);
    const jwk = await ok(call(credentials.url, 'GET', kid!.replace('http://localhost:3000', '')));
    await expect(jwtVerify(attached, await importJWK(jwk, jwk.alg))).resolves.toBeDefined();

    const again = await readPdf(
      new Uint8Array(
        await (await fetch(`${credentials.url}${base}/download?format=pdf`, { headers })).arrayBuffer(),
      ),
    );
    expect(again.qrCodes).toEqual(pdf.qrCodes);
  });

  it('sets the revocation bit as a verifier that knows only revocation reads it, shows holds through our verification, and announces each change', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 81);
    const credential = await credentialOf(enrolled.learnerId);
    const vc = JSON.parse(Buffer.from(credential.jwt.split('.')[1], 'base64url').toString());
    const revocation = vc.credentialStatus;
    /** Our verification's answer: a hold is in the issuer's records, not in the credential (README, "Holds"). */
    const verified = async (): Promise<string> =>
      (
        await ok(
          call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential: credential.jwt } }),
        )
      ).status;

    /** The few lines a verifier needs: fetch, verify, gunzip the base64url after "u", read bit 0x80 >> (i % 8) of byte i / 8. */
    const bit = async (entry: any): Promise<boolean> => {
      const answer = await call(
        credentials.url,
        'GET',
        entry.statusListCredential.replace('http://localhost:3000', ''),
      );
      const header = decodeProtectedHeader(answer.body);
      const jwk = await ok(
        call(credentials.url, 'GET', (header.kid as string).replace('http://localhost:3000', '')),
      );
      const { payload } = await jwtVerify(answer.body, await importJWK(jwk, jwk.alg));
      const subject = (payload as any).credentialSubject;
      expect(subject.statusPurpose).toBe(entry.statusPurpose);
      const bytes = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
      expect(bytes.length * 8).toBeGreaterThanOrEqual(131072);
      // The JSON form, with its Data Integrity proof checked against the issuer's DID document, holds the same bits.
      expect(await provedListBits(entry.statusListCredential)).toEqual(bytes);
      const index = Number(entry.statusListIndex);
      return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
    };
    const path = `/api/credentials/credentials/${credential.credentialId}`;
    expect([await bit(revocation), await verified()]).toEqual([false, 'valid']);

    expect(
      await ok(
        call(credentials.url, 'POST', `${path}/suspension`, {
          headers: uni.registrar,
          body: { reason: 'Under review' },
        }),
      ),
    ).toMatchObject({ suspended: true });
    expect([await bit(revocation), await verified()]).toEqual([false, 'suspended']);
    expect(
      await ok(call(credentials.url, 'POST', `${path}/reinstatement`, { headers: uni.registrar, body: {} })),
    ).toMatchObject({ suspended: false });
    expect([await bit(revocation), await verified()]).toEqual([false, 'valid']);
    expect(
      await ok(
        call(credentials.url, 'POST', `${path}/revocation`, {
          headers: uni.registrar,
          body: { reason: 'Awarded in error' },
        }),
      ),
    ).toMatchObject({ revoked: true });
    expect([await bit(revocation), await verified()]).toEqual([true, 'revoked']);

    expect(
      (await call(credentials.url, 'POST', `${path}/reinstatement`, { headers: uni.registrar, body: {} }))
        .body.message,
    ).toBe('The credential is revoked; revocation is permanent.');
    expect(
      (
        await call(credentials.url, 'POST', `${path}/revocation`, {
          headers: bearer('registrar', { org: uni.partnerId }),
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    for (const topic of [
      TOPICS.credentialsCredentialSuspended,
      TOPICS.credentialsCredentialReinstated,
      TOPICS.credentialsCredentialRevoked,
    ]) {
      const [event] = await recorder.waitFor(topic, (d) => d.credentialId === credential.credentialId);
      expect(event!.envelope.data).toMatchObject({
        learnerId: enrolled.learnerId,
        credits: { value: 5, scheme: 'UK' },
        level: { framework: 'FHEQ' },
      });
    }
  });

  /** The list asked for as JSON: its proof verified with the key its did:web issuer publishes, then its bits. */
  async function provedListBits(listUrl: string): Promise<Buffer> {
    const answer = await call(credentials.url, 'GET', listUrl.replace('http://localhost:3000', ''), {
      headers: { accept: 'application/json' },
    });
    expect(answer.status).toBe(200);
    const list = answer.body as Record<string, any>;
    const didPath = `/api/credentials/issuers/${String(list.issuer).split(':').pop()}/did.json`;
    const did = await ok(call(credentials.url, 'GET', didPath));
    expect(did.id).toBe(list.issuer);
    const method = did.verificationMethod.find((m: any) => m.id === list.proof.verificationMethod);
    const key = publicKeyOfMultibase(method.publicKeyMultibase);
    const checked = await verifyDataIntegrity(list, () => Promise.resolve(key));
    expect(checked).toEqual({ verified: true });
    return gunzipSync(Buffer.from(String(list.credentialSubject.encodedList).slice(1), 'base64url'));
  }

  it('revokes the credential when the exam board amends the result to a fail', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 62);
    const credential = await credentialOf(enrolled.learnerId);
    const [result] = (
      await ok(
        call(assessment.url, 'GET', `/api/assessment/offerings/${uni.offeringId}/results`, {
          headers: uni.registrar,
        }),
      )
    ).items;
    await ok(
      call(assessment.url, 'POST', `/api/assessment/results/${result.resultId}/amendment`, {
        headers: uni.registrar,
        body: { marks: { Project: 20 }, reason: 'Plagiarism found on review' },
      }),
    );
    const [revoked] = await recorder.waitFor(
      TOPICS.credentialsCredentialRevoked,
      (d) => d.credentialId === credential.credentialId,
    );
    expect(revoked!.envelope.data).toMatchObject({
      reason: 'The exam board amended the result to a fail.',
      revokedBy: 'system:result-amended',
    });
    expect(
      recorder.find(TOPICS.credentialsCredentialRevoked, (d) => d.credentialId === credential.credentialId),
    ).toHaveLength(1);
  });

  it('keeps credentials issued before a key rotation verifiable through the JWKS, beside those issued after', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const before = await credentialOf((await earn(uni, 70)).learnerId);
    await ok(
      call(credentials.url, 'POST', `/api/credentials/issuers/${uni.awardingBodyId}/keys/rotation`, {
        headers: uni.registrar,
        body: {},
      }),
    );
    const after = await credentialOf((await earn(uni, 71)).learnerId);

    const set = await ok(call(credentials.url, 'GET', '/api/credentials/keys'));
    const kids = [before, after].map((c) => decodeProtectedHeader(c.jwt).kid);
    expect(kids[0]).not.toBe(kids[1]);
    for (const [index, credential] of [before, after].entries()) {
      const jwk = set.keys.find((key: any) => key.kid === kids[index]);
      const { payload } = await jwtVerify(credential.jwt, await importJWK(jwk, jwk.alg));
      expect(payload.jti).toBe(credential.credentialId);
    }
  });

  it('holds the credential, with the reason, when the partner was not authorised on the completion date', async () => {
    const uni = await setUpUniversity(enrolment.url, 5);
    const enrolled = await earn(uni, 75, async () => {
      const [grant] = (
        await ok(call(enrolment.url, 'GET', '/api/enrolment/authorisations', { headers: uni.registrar }))
      ).items;
      await ok(
        call(enrolment.url, 'POST', `/api/enrolment/authorisations/${grant.id}/withdrawal`, {
          headers: uni.registrar,
          body: { reason: 'Partnership ended' },
        }),
      );
    });
    const holds = await waitFor(
      async () => {
        const found = await ok(
          call(credentials.url, 'GET', '/api/credentials/holds', { headers: uni.registrar }),
        );
        return found.items.length > 0 ? found.items : undefined;
      },
      { what: 'the hold' },
    );
    expect(holds).toEqual([
      expect.objectContaining({
        learnerId: enrolled.learnerId,
        reason: expect.stringMatching(
          /^the delivering partner was not authorised by the awarding body for .+ on \d{4}-\d{2}-\d{2}$/,
        ),
      }),
    ]);
    const mine = await ok(
      call(credentials.url, 'GET', '/api/credentials/learners/me/credentials', {
        headers: bearer('learner', { sub: enrolled.learnerId }),
      }),
    );
    expect(mine).toMatchObject({ items: [], total: 0 });
  });
});
