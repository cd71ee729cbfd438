import { randomUUID } from 'node:crypto';
import { bearer, call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import { earnCredential } from './spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from './spec-support/university';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

/** An answer with the ids the caller sent or was given replaced, so two answers can be compared whole. */
function shapeOf(answer: { status: number; body: any }, ...ids: string[]) {
  let text = JSON.stringify(answer.body);
  for (const id of ids) text = text.split(id).join('<id>');
  return { status: answer.status, body: JSON.parse(text) };
}

/**
 * Issue 13, finding 3: a registrar of one awarding body learns nothing about another body's learner, neither from
 * registering their email nor from a claim for credit, unless the learner puts their credentials in it.
 */
describe('learners within the caller’s reach', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let recognition: RunningService;
  let a: University;
  let b: University;
  /** A's learner, holding a credential A issued. */
  let person: ReturnType<typeof learner> & { externalIds: { scheme: string; value: string }[] };
  let learnerId: string;
  let credentialId: string;
  let achievementId: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: credentials.url },
    });
    a = await setUpUniversity(enrolment.url, 20);
    b = await setUpUniversity(enrolment.url, 20);
    person = { ...learner('reach'), externalIds: [{ scheme: 'nhs-staff-number', value: '991122' }] };
    const earned = await earnCredential(
      { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url },
      a,
      72,
      person,
    );
    learnerId = earned.learnerId;
    const vc = payloadOf(earned.credential.jwt);
    credentialId = vc.id;
    achievementId = vc.credentialSubject.achievement.id;
  }, 120_000);

  afterAll(async () => {
    await recognition.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  const register = (headers: University['registrar'], details: object) =>
    call(enrolment.url, 'POST', '/api/enrolment/learners', { headers, body: details });

  it('answers registrar B the same for an email A knows as for one never seen, and shows B only its own record', async () => {
    const knownToA = await register(b.registrar, {
      email: person.email,
      givenName: 'Bee',
      familyName: 'One',
    });
    const neverSeen = await register(b.registrar, {
      email: `never-seen-${randomUUID().slice(0, 8)}@nhs.example`,
      givenName: 'Bee',
      familyName: 'Two',
    });
    expect(shapeOf(knownToA, knownToA.body.learnerId)).toEqual(shapeOf(neverSeen, neverSeen.body.learnerId));
    expect(shapeOf(neverSeen, neverSeen.body.learnerId)).toEqual({
      status: 201,
      body: { learnerId: '<id>', created: true },
    });
    // One person, one learner id: their own sign-in and credentials stay one.
    expect(knownToA.body.learnerId).toBe(learnerId);

    const again = await register(b.registrar, { email: person.email, givenName: 'Changed', familyName: 'X' });
    expect(again).toEqual({ status: 200, body: { learnerId, created: false } });

    const read = (id: string) =>
      call(enrolment.url, 'GET', `/api/enrolment/learners/${id}`, { headers: b.registrar });
    const [seenKnown, seenNew] = [await read(learnerId), await read(neverSeen.body.learnerId)];
    expect(seenKnown.body).toMatchObject({ givenName: 'Bee', familyName: 'One', externalIds: [] });
    expect(Object.keys(seenKnown.body).sort()).toEqual(Object.keys(seenNew.body).sort());
    expect(JSON.stringify(seenKnown.body)).not.toContain('991122');
    expect(JSON.stringify(seenKnown.body)).not.toContain(person.givenName);
    // Staff of an organisation that never registered the email see A's learner exactly as they see no learner.
    const elsewhere = bearer('registrar', { org: randomUUID() });
    const readElsewhere = (id: string) =>
      call(enrolment.url, 'GET', `/api/enrolment/learners/${id}`, { headers: elsewhere });
    const unknownId = randomUUID();
    const [aLearner, noLearner] = [await readElsewhere(learnerId), await readElsewhere(unknownId)];
    expect(shapeOf(aLearner, learnerId)).toEqual(shapeOf(noLearner, unknownId));
    expect(noLearner.status).toBe(404);
  });

  it('refuses B an enrolment by A’s learner id as it refuses an unknown id, and enrols by email with B’s details', async () => {
    const path = `/api/enrolment/offerings/${b.offeringId}/enrolments`;
    const byId = (id: string) =>
      call(enrolment.url, 'POST', path, { headers: b.partner, body: { learnerId: id } });
    const unknownId = randomUUID();
    expect(shapeOf(await byId(learnerId), learnerId)).toEqual(shapeOf(await byId(unknownId), unknownId));
    expect((await byId(unknownId)).status).toBe(422);

    const enrolled = await ok(
      call(enrolment.url, 'POST', path, {
        headers: b.partner,
        body: { learner: { email: person.email, givenName: 'Pea', familyName: 'Partner' } },
      }),
    );
    expect(enrolled).toMatchObject({
      learnerId,
      learner: { givenName: 'Pea', familyName: 'Partner', email: person.email },
    });
    const listed = await ok(call(enrolment.url, 'GET', `${path}?pageSize=50`, { headers: b.registrar }));
    expect(listed.items.find((item: any) => item.learnerId === learnerId).learner.givenName).toBe('Pea');
    const own = await ok(
      call(enrolment.url, 'GET', '/api/enrolment/learners/me/enrolments', {
        headers: bearer('learner', { sub: learnerId }),
      }),
    );
    expect(own.items.map((item: any) => item.offeringId).sort()).toEqual([a.offeringId, b.offeringId].sort());
  });

  it('shows B’s claim for A’s learner none of A’s credentials unless the learner put them in', async () => {
    const programme = await ok(
      call(recognition.url, 'POST', '/api/recognition/programmes', {
        headers: b.registrar,
        body: {
          code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
          title: 'MSc Health Informatics',
          credits: 180,
          level: LEVEL_7,
          modules: [
            {
              code: 'HI-APPS',
              title: 'Apps for care',
              credits: 5,
              level: LEVEL_7,
              rule: { combination: 'any', criteria: [{ kind: 'achievement', achievementId }] },
            },
            {
              code: 'HI-ANY',
              title: 'Any level 7 learning',
              credits: 5,
              level: LEVEL_7,
              rule: { combination: 'any', criteria: [{ kind: 'properties', minimumLevel: LEVEL_7 }] },
            },
          ],
        },
      }),
    );
    const asLearner = bearer('learner', { sub: learnerId });
    const open = (headers: Record<string, string>, body: object) =>
      ok(
        call(recognition.url, 'POST', '/api/recognition/claims', {
          headers,
          body: { programmeId: programme.id, ...body },
        }),
      );
    const view = (claimId: string) =>
      ok(call(recognition.url, 'GET', `/api/recognition/claims/${claimId}`, { headers: b.registrar }));

    const staffClaim = await open(b.registrar, { learnerId });
    const learnersClaim = await open(asLearner, {});
    // The learner puts A's credential in their claim: once B sees it there, recognition knows the credential.
    await ok(
      call(recognition.url, 'POST', `/api/recognition/claims/${learnersClaim.id}/credentials`, {
        headers: asLearner,
        body: { credentialId },
      }),
    );
    const consented = await waitFor(
      async () => {
        const seen = await view(learnersClaim.id);
        return seen.proposal.modules.some((m: any) => m.exempt) ? seen : undefined;
      },
      { what: 'A’s credential to reach recognition and count in the claim the learner put it in' },
    );
    expect(consented.chosenCredentialIds).toEqual([credentialId]);
    // A credential counts once per programme: it exempts one of the two modules it meets.
    expect(consented.proposal.modules.flatMap((m: any) => m.credentialIds)).toEqual([credentialId]);

    // B's claims for A's learner tell B what its claim for a learner nobody knows tells it: nothing of A's.
    const nobody = await view((await open(b.registrar, { learnerId: randomUUID() })).id);
    const notPutIn = await open(asLearner, {});
    for (const claim of [await view(staffClaim.id), await view(notPutIn.id)]) {
      expect(JSON.stringify(claim)).not.toContain(credentialId);
      const { proposal, uploaded, chosenCredentialIds } = claim;
      expect({ proposal, uploaded, chosenCredentialIds }).toEqual({
        proposal: nobody.proposal,
        uploaded: nobody.uploaded,
        chosenCredentialIds: nobody.chosenCredentialIds,
      });
      expect(proposal.modules.filter((m: any) => m.exempt || m.credentialIds.length > 0)).toEqual([]);
    }
    const decision = await call(
      recognition.url,
      'POST',
      `/api/recognition/claims/${staffClaim.id}/decisions`,
      {
        headers: b.registrar,
        body: { moduleCode: 'HI-ANY', decision: 'approve', reason: 'Tried without the learner’s consent.' },
      },
    );
    expect(decision.status).toBe(409);

    const chosenByStaff = await call(
      recognition.url,
      'POST',
      `/api/recognition/claims/${staffClaim.id}/credentials`,
      { headers: b.registrar, body: { credentialId } },
    );
    expect(chosenByStaff.status).toBe(403);
  });

  it('still shows a claim on A’s own programme the credential A issued, without the learner choosing it', async () => {
    const programme = await ok(
      call(recognition.url, 'POST', '/api/recognition/programmes', {
        headers: a.registrar,
        body: {
          code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
          title: 'MSc Digital Health',
          credits: 180,
          level: LEVEL_7,
          modules: [
            {
              code: 'DH-APPS',
              title: 'Digital health apps',
              credits: 5,
              level: LEVEL_7,
              rule: { combination: 'any', criteria: [{ kind: 'achievement', achievementId }] },
            },
          ],
        },
      }),
    );
    const claim = await ok(
      call(recognition.url, 'POST', '/api/recognition/claims', {
        headers: a.registrar,
        body: { programmeId: programme.id, learnerId },
      }),
    );
    const seen = await waitFor(
      async () => {
        const answer = await ok(
          call(recognition.url, 'GET', `/api/recognition/claims/${claim.id}`, { headers: a.registrar }),
        );
        return answer.proposal.modules[0].exempt ? answer : undefined;
      },
      { what: 'the claim to use the credential A issued' },
    );
    expect(seen.proposal.modules[0].credentialIds).toEqual([credentialId]);
  });

  it('names several learners at once to staff who may see them, and leaves out the rest', async () => {
    const several = (headers: { authorization: string }, ids: string) =>
      call(enrolment.url, 'GET', `/api/enrolment/learners?id=${ids}`, { headers });
    const unknown = randomUUID();
    const seen = await ok(several(a.registrar, `${learnerId},${unknown}`));
    expect(seen.items).toEqual([
      expect.objectContaining({ id: learnerId, givenName: person.givenName, familyName: person.familyName }),
    ]);
    // B sees only the record it made itself (an earlier test registered the email there), never A's details;
    // an organisation with no record of the learner learns nothing, as from `GET :id`, which answers 404.
    const byB = await ok(several(b.registrar, learnerId));
    expect(byB.items).not.toContainEqual(expect.objectContaining({ givenName: person.givenName }));
    const stranger = bearer('registrar', { org: randomUUID() });
    expect((await ok(several(stranger, learnerId))).items).toEqual([]);
    const refused = await several(a.registrar, 'not-an-id');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'id.0' })]);
    const tooMany = Array.from({ length: 201 }, () => randomUUID()).join(',');
    expect((await several(a.registrar, tooMany)).status).toBe(400);
    expect((await several(bearer('learner', { sub: learnerId }), learnerId)).status).toBe(403);
  });
});
