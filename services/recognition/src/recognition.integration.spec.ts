import { randomUUID } from 'node:crypto';
import { TOPICS } from '@lib/contracts';
import {
  bearer,
  call,
  EventRecorder,
  ExternalIssuer,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import { recognitionService } from './recognition.definition';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

/** From a ratified pass to credit toward an MSc module, and back when the credential is revoked. */
describe('recognition of credentials toward MSc modules', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let recognition: RunningService;
  let uni: University;

  const stack = () => ({
    enrolment: enrolment.url,
    assessment: assessment.url,
    credentials: credentials.url,
  });

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: credentials.url },
    });
    await recorder.start();
    uni = await setUpUniversity(enrolment.url, 20);
  }, 60_000);

  afterAll(async () => {
    await recorder.stop();
    await recognition.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  /** A programme of the university, each module recognised by the given rule (or none). */
  async function programme(
    modules: Record<string, unknown>[],
    policy: Record<string, unknown> = {},
    by = uni,
  ) {
    return ok(
      call(recognition.url, 'POST', '/api/recognition/programmes', {
        headers: by.registrar,
        body: {
          code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
          title: 'MSc Digital Health',
          credits: 180,
          level: LEVEL_7,
          policy,
          modules,
        },
      }),
    );
  }

  /** A second recognition instance on the same database: decisions on it race the first's. */
  const secondRecognition = () =>
    startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      database: recognition.database,
      env: { CREDENTIALS_URL: credentials.url },
    });

  /** Another Code4Health hub, put on the university's own trust list by its registrar. */
  async function trustedHub(name: string): Promise<ExternalIssuer> {
    const hub = await ExternalIssuer.start(name);
    await ok(
      call(credentials.url, 'POST', `/api/credentials/organisations/${uni.awardingBodyId}/trust-list`, {
        headers: uni.registrar,
        body: { issuerId: hub.issuerId, name: hub.name, jwksUrl: hub.jwksUrl },
      }),
    );
    return hub;
  }

  const byAchievement = (achievementId: string) => ({
    combination: 'any',
    criteria: [{ kind: 'achievement', achievementId }],
  });

  /** A learner's claim once recognition knows their credential: the proposal is worked out when read. */
  async function claimFor(learnerId: string, programmeId: string, moduleCode: string, extra = {}) {
    const headers = bearer('learner', { sub: learnerId });
    const claim = await ok(
      call(recognition.url, 'POST', '/api/recognition/claims', { headers, body: { programmeId, ...extra } }),
    );
    return waitFor(
      async () => {
        const seen = await ok(
          call(recognition.url, 'GET', `/api/recognition/claims/${claim.id}`, { headers }),
        );
        return seen.proposal.modules.find((m: any) => m.moduleCode === moduleCode)?.exempt ? seen : undefined;
      },
      { what: `the claim to credit ${moduleCode}` },
    );
  }

  const decide = (
    claimId: string,
    moduleCode: string,
    decision = 'approve',
    service = recognition,
    by = uni,
  ) =>
    call(service.url, 'POST', `/api/recognition/claims/${claimId}/decisions`, {
      headers: by.registrar,
      body: { moduleCode, decision, reason: 'Meets the module’s learning outcomes (exam board, Nov 2026).' },
    });

  it('proposes, approves with an event for student records, and withdraws the credit when the credential is revoked', async () => {
    const { learnerId, credential } = await earnCredential(stack(), uni, 70);
    const vc = payloadOf(credential.jwt);
    const achievementId = vc.credentialSubject.achievement.id;
    const msc = await programme([
      {
        code: 'DH-APPS',
        title: 'Digital health apps',
        credits: 5,
        level: LEVEL_7,
        core: true,
        rule: byAchievement(achievementId),
      },
      { code: 'DH-DISS', title: 'Dissertation', credits: 60, level: LEVEL_7, core: true, eligible: false },
    ]);
    expect(msc.policy).toEqual({ maxRecognitionCredits: 60, recencyYears: 5, acceptExternal: true });

    const claim = await claimFor(learnerId, msc.id, 'DH-APPS');
    expect(claim.proposal.modules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ moduleCode: 'DH-APPS', exempt: true, credits: 5, credentialIds: [vc.id] }),
        expect.objectContaining({ moduleCode: 'DH-DISS', exempt: false }),
      ]),
    );

    const decision = await ok(decide(claim.id, 'DH-APPS'));
    const [approved] = await recorder.waitFor(
      TOPICS.recognitionCreditApproved,
      (d) => d.creditId === decision.creditId,
    );
    expect(approved!.valid).toBe(true);
    expect(approved!.envelope.data).toMatchObject({
      learnerId,
      programmeId: msc.id,
      programmeCode: msc.code,
      moduleCode: 'DH-APPS',
      credits: 5,
      level: LEVEL_7,
      sourceCredentialIds: [vc.id],
      decidedAt: expect.any(String),
    });
    const standing = await ok(
      call(recognition.url, 'GET', `/api/recognition/learners/me/programmes/${msc.id}`, {
        headers: bearer('learner', { sub: learnerId }),
      }),
    );
    expect(standing).toMatchObject({
      cap: 60,
      creditsCredited: 5,
      credited: [{ moduleCode: 'DH-APPS', onHold: false }],
    });
    expect((await decide(claim.id, 'DH-APPS')).status).toBe(409);

    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${vc.id}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Plagiarism found in the assessed project' },
      }),
    );
    const [withdrawn] = await recorder.waitFor(
      TOPICS.recognitionCreditWithdrawn,
      (d) => d.creditId === decision.creditId,
    );
    expect(withdrawn!.envelope.data).toMatchObject({
      learnerId,
      moduleCode: 'DH-APPS',
      sourceCredentialIds: [vc.id],
      reason: 'Credential revoked: Plagiarism found in the assessed project',
    });
    const reviews = await ok(
      call(recognition.url, 'GET', '/api/recognition/reviews', { headers: uni.registrar }),
    );
    expect(reviews.withdrawn).toEqual(
      expect.arrayContaining([expect.objectContaining({ creditId: decision.creditId, credentialId: vc.id })]),
    );
  });

  it('lets a credential count once per programme, even when two decisions race on two instances', async () => {
    const second = await secondRecognition();
    const hub = await trustedHub('Code4Health East Hub');
    try {
      const person = learner('race');
      const { learnerId, credential } = await earnCredential(stack(), uni, 64, person);
      const ours = payloadOf(credential.jwt);
      // An uploaded credential that sorts first, so the claim that has it uses ours for the other module.
      const external = hub.sign(
        hub.credential({
          id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
          subject: { id: `urn:uuid:${learnerId}`, name: 'R', email: person.email, emailSalt: 'salt' },
        }),
      );
      const anyLevel7 = { combination: 'any', criteria: [{ kind: 'properties', minimumLevel: LEVEL_7 }] };
      const msc = await programme([
        { code: 'MOD-X', title: 'Health data', credits: 5, level: LEVEL_7, rule: anyLevel7 },
        {
          code: 'MOD-Y',
          title: 'Clinical apps',
          credits: 5,
          level: LEVEL_7,
          rule: byAchievement(ours.credentialSubject.achievement.id),
        },
      ]);
      const first = await claimFor(learnerId, msc.id, 'MOD-X');
      const withUpload = await claimFor(learnerId, msc.id, 'MOD-Y', { externalCredentials: [external] });
      const uses = (claim: any, code: string) =>
        claim.proposal.modules.find((m: any) => m.moduleCode === code).credentialIds;
      expect([uses(first, 'MOD-X'), uses(withUpload, 'MOD-Y')]).toEqual([[ours.id], [ours.id]]);

      const answers = await Promise.all([
        decide(first.id, 'MOD-X'),
        decide(withUpload.id, 'MOD-Y', 'approve', second),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.body.message).toMatch(
        /already counts toward credit|cannot be approved/,
      );

      const other = await programme([
        { code: 'MOD-Z', title: 'Apps for care', credits: 5, level: LEVEL_7, rule: anyLevel7 },
      ]);
      const otherClaim = await claimFor(learnerId, other.id, 'MOD-Z');
      expect(uses(otherClaim, 'MOD-Z')).toEqual([ours.id]);
      const approvedZ = await ok(decide(otherClaim.id, 'MOD-Z'));

      // Suspending the credential puts the credit it supports on hold; reinstating it releases the hold.
      const status = (action: string) =>
        ok(
          call(credentials.url, 'POST', `/api/credentials/credentials/${ours.id}/${action}`, {
            headers: uni.registrar,
            body: { reason: 'Under investigation' },
          }),
        );
      const standingIn = (programmeId: string) =>
        ok(
          call(recognition.url, 'GET', `/api/recognition/learners/me/programmes/${programmeId}`, {
            headers: bearer('learner', { sub: learnerId }),
          }),
        );
      await status('suspension');
      await waitFor(async () => (await standingIn(other.id)).credited[0]?.onHold === true, {
        what: 'the credit to go on hold',
      });
      const reviews = await ok(
        call(recognition.url, 'GET', '/api/recognition/reviews', { headers: uni.registrar }),
      );
      expect(reviews.onHold).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ creditId: approvedZ.creditId, credentialId: ours.id }),
        ]),
      );
      await status('reinstatement');
      await waitFor(async () => (await standingIn(other.id)).credited[0]?.onHold === false, {
        what: 'the hold to be released',
      });
    } finally {
      await hub.stop();
      await second.stop();
    }
  });

  it('holds the cap when two decisions for different modules race on two instances', async () => {
    const second = await secondRecognition();
    const hub = await trustedHub('Code4Health West Hub');
    try {
      const person = learner('cap');
      const { learnerId, credential } = await earnCredential(stack(), uni, 61, person);
      const ours = payloadOf(credential.jwt);
      const theirs = hub.credential({
        subject: { id: `urn:uuid:${learnerId}`, name: 'C', email: person.email, emailSalt: 'salt' },
      });
      const msc = await programme(
        [
          {
            code: 'CAP-X',
            title: 'Data',
            credits: 5,
            level: LEVEL_7,
            rule: byAchievement(theirs.credentialSubject.achievement.id),
          },
          {
            code: 'CAP-Y',
            title: 'Apps',
            credits: 5,
            level: LEVEL_7,
            rule: byAchievement(ours.credentialSubject.achievement.id),
          },
        ],
        { maxRecognitionCredits: 5 },
      );
      // Each claim, read alone, fits the cap: one proposes CAP-Y from ours, the other CAP-X from the upload.
      const onlyOurs = await claimFor(learnerId, msc.id, 'CAP-Y');
      const withUpload = await claimFor(learnerId, msc.id, 'CAP-X', {
        externalCredentials: [hub.sign(theirs)],
      });

      const answers = await Promise.all([
        decide(onlyOurs.id, 'CAP-Y'),
        decide(withUpload.id, 'CAP-X', 'approve', second),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.body.message).toMatch(
        /recognition cap of 5 credits|cannot be approved/,
      );
    } finally {
      await hub.stop();
      await second.stop();
    }
  });

  it('keeps claims to their learner and decisions to the programme’s awarding body', async () => {
    const { learnerId, credential } = await earnCredential(stack(), uni, 58);
    const rule = byAchievement(payloadOf(credential.jwt).credentialSubject.achievement.id);
    const msc = await programme([{ code: 'MOD-A', title: 'Apps', credits: 5, level: LEVEL_7, rule }]);
    const claim = await claimFor(learnerId, msc.id, 'MOD-A');

    const stranger = bearer('learner', { sub: randomUUID() });
    expect(
      (await call(recognition.url, 'GET', `/api/recognition/claims/${claim.id}`, { headers: stranger }))
        .status,
    ).toBe(404);
    const forSomeoneElse = await call(recognition.url, 'POST', '/api/recognition/claims', {
      headers: stranger,
      body: { programmeId: msc.id, learnerId },
    });
    expect(forSomeoneElse.status).toBe(403);
    const otherUniversity = await setUpUniversity(enrolment.url, 1);
    expect((await decide(claim.id, 'MOD-A', 'approve', recognition, otherUniversity)).status).toBe(404);
    expect(
      (
        await call(recognition.url, 'POST', `/api/recognition/claims/${claim.id}/decisions`, {
          headers: bearer('learner', { sub: learnerId }),
          body: { moduleCode: 'MOD-A', decision: 'approve', reason: 'I say so' },
        })
      ).status,
    ).toBe(403);
    const badProgramme = await call(recognition.url, 'POST', '/api/recognition/programmes', {
      headers: uni.registrar,
      body: { code: 'msc lower', title: '', credits: -5, level: LEVEL_7, modules: [{ code: 'X' }], extra: 1 },
    });
    expect(badProgramme.status).toBe(400);
    expect(badProgramme.body.errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['code', 'title', 'credits', 'modules.0.code', 'modules.0.title', 'extra']),
    );
    const badDecision = await call(recognition.url, 'POST', `/api/recognition/claims/${claim.id}/decisions`, {
      headers: uni.registrar,
      body: { moduleCode: 'MOD-A', decision: 'maybe', reason: '' },
    });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors.map((e: any) => e.field).sort()).toEqual(['decision', 'reason']);
    const unknownModule = await decide(claim.id, 'MOD-Q');
    expect(unknownModule.status).toBe(404);
    const noProgramme = await call(recognition.url, 'POST', '/api/recognition/claims', {
      headers: bearer('learner', { sub: learnerId }),
      body: { programmeId: randomUUID() },
    });
    expect(noProgramme.status).toBe(404);

    const rejected = await ok(decide(claim.id, 'MOD-A', 'reject'));
    expect(rejected).toMatchObject({ decision: 'rejected', moduleCode: 'MOD-A' });
  });

  it('counts an uploaded credential only when the verifier finds it valid and about this learner', async () => {
    const hub = await trustedHub('Code4Health North Hub');
    const unknown = await ExternalIssuer.start('Unknown Hub');
    try {
      hub.addStatusList('revocation-1', 'revocation');
      hub.setStatus('revocation-1', 17);
      const person = learner('x');
      const { learnerId } = await earnCredential(stack(), uni, 66, person);
      const subject = { id: `urn:uuid:${learnerId}`, name: 'X', email: person.email, emailSalt: 'pepper' };
      const valid = hub.sign(hub.credential({ subject }));
      const revoked = hub.sign(
        hub.credential({ subject, credentialStatus: hub.statusEntry('revocation-1', 17) }),
      );
      const untrusted = unknown.sign(unknown.credential({ subject }));
      const notTheirs = hub.sign(hub.credential({ subject: { ...subject, email: 'someone@else.example' } }));
      const [h, p, s] = hub.sign(hub.credential({ subject })).split('.');
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payloadOf(`${h}.${p}.${s}`), creditsEarned: 60 })).toString('base64url')}.${s}`;

      const msc = await programme([
        {
          code: 'DATA-7',
          title: 'Health data science',
          credits: 5,
          level: LEVEL_7,
          rule: {
            combination: 'any',
            criteria: [{ kind: 'properties', minimumLevel: LEVEL_7, minimumCredits: 5 }],
          },
        },
      ]);
      const claim = await claimFor(learnerId, msc.id, 'DATA-7', {
        externalCredentials: [valid, revoked, untrusted, notTheirs, tampered],
      });
      const ids = [valid, revoked, untrusted, notTheirs, tampered].map((jwt) => payloadOf(jwt).id);
      expect(claim.uploaded.map((u: any) => [u.credentialId, u.status])).toEqual([
        [ids[0], 'valid'],
        [ids[1], 'revoked'],
        [ids[2], 'untrusted-issuer'],
        [ids[3], 'invalid'],
        [ids[4], 'invalid'],
      ]);
      const reasons = Object.fromEntries(claim.proposal.unused.map((u: any) => [u.credentialId, u.reason]));
      expect([reasons[ids[1]], reasons[ids[2]], reasons[ids[3]], reasons[ids[4]]]).toEqual([
        'revoked',
        'untrusted-issuer',
        'invalid',
        'invalid',
      ]);
      const data7 = claim.proposal.modules.find((m: any) => m.moduleCode === 'DATA-7');
      expect(data7.credentialIds).toHaveLength(1);
    } finally {
      await hub.stop();
      await unknown.stop();
    }
  });
});
