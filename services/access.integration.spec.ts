import { type AccessTable, routesOf } from '@lib/auth';
import { bearer, call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { ASSESSMENT_ACCESS } from './assessment/src/assessment.access';
import { assessmentService } from './assessment/src/assessment.definition';
import { CREDENTIALS_ACCESS } from './credentials/src/credentials.access';
import { credentialsService } from './credentials/src/credentials.definition';
import { ENROLMENT_ACCESS } from './enrolment/src/enrolment.access';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { RECOGNITION_ACCESS } from './recognition/src/recognition.access';
import { recognitionService } from './recognition/src/recognition.definition';
import { answers, expectedOf, guardProbe, type MatrixCaller, type Probe } from './spec-support/access-matrix';
import { credentialsProbes } from './spec-support/credentials-probes';
import { accessProbes, type MatrixIds } from './spec-support/access-probes';
import { programmeBody, recognitionProbes, type RecognitionIds } from './spec-support/recognition-probes';
import { recordWhenKnown, setSchemeWhenKnown, simpleScheme } from './spec-support/assessment';
import { learner, ok, setUpUniversity, type University } from './spec-support/university';

/**
 * Every route of every service against every kind of caller, as the access tables say. Enrolment, assessment
 * and recognition are probed with real records of organisation A (own and other organisation, own and other
 * learner); credentials likewise for its issuer, trust list and own lists, and at its guard (every caller, ids
 * nobody holds) for the routes about one credential.
 */
describe('the access tables, route by route and caller by caller', () => {
  const prefix = testTopicPrefix();
  const running: Record<string, RunningService> = {};
  let a: University;
  let b: University;
  let ids: MatrixIds;
  let recognitionIds: RecognitionIds;

  beforeAll(async () => {
    [running.enrolment, running.assessment, running.credentials] = await Promise.all([
      startTestService('enrolment', enrolmentService, { topicPrefix: prefix }),
      startTestService('assessment', assessmentService, { topicPrefix: prefix }),
      startTestService('credentials', credentialsService, { topicPrefix: prefix }),
    ]);
    running.recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: running.credentials.url },
    });
    const enrolment = running.enrolment.url;
    const assessment = running.assessment.url;
    [a, b] = await Promise.all([setUpUniversity(enrolment, 10), setUpUniversity(enrolment, 10)]);
    const enrol = (uni: University, n: string) =>
      ok(
        call(enrolment, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
          headers: uni.partner,
          body: { learner: learner(n) },
        }),
      );
    const [mine, provisional, theirs] = await Promise.all([enrol(a, 'a'), enrol(a, 'p'), enrol(b, 'b')]);
    const authorisations = await ok(
      call(enrolment, 'GET', '/api/enrolment/authorisations', { headers: a.registrar }),
    );
    await setSchemeWhenKnown(assessment, a.registrar, simpleScheme(a.courseId));
    const [result, unratified] = await Promise.all([
      recordWhenKnown(assessment, a.assessor, a.offeringId, mine.learnerId, { Project: 70 }),
      recordWhenKnown(assessment, a.assessor, a.offeringId, provisional.learnerId, { Project: 65 }),
    ]);
    await ok(
      call(assessment, 'POST', `/api/assessment/results/${result.resultId}/ratification`, {
        headers: a.registrar,
      }),
    );
    const recognition = running.recognition.url;
    const programme = await ok(
      call(recognition, 'POST', '/api/recognition/programmes', {
        headers: a.registrar,
        body: programmeBody(),
      }),
    );
    const claim = await ok(
      call(recognition, 'POST', '/api/recognition/claims', {
        headers: bearer('learner', { sub: mine.learnerId }),
        body: { programmeId: programme.id },
      }),
    );
    await waitFor(
      async () =>
        (await call(running.credentials!.url, 'GET', `/api/credentials/issuers/${a.awardingBodyId}`))
          .status === 200,
      { what: "A's awarding body to become an issuer" },
    );
    recognitionIds = { programmeId: programme.id, claimId: claim.id, learnerId: mine.learnerId };
    ids = {
      authorisationId: authorisations.items[0].id,
      enrolmentId: mine.id,
      learnerId: mine.learnerId,
      resultId: result.resultId,
      otherLearnerId: theirs.learnerId,
      provisionalLearnerId: provisional.learnerId,
      provisionalResultId: unratified.resultId,
    };
  });

  afterAll(async () => {
    await Promise.all(Object.values(running).map((service) => service.stop()));
  });

  /** A's staff and learner stand on the own side; B's staff and learners on the other. */
  const dataCallers = (): MatrixCaller[] => [
    { name: 'no token', side: 'other' },
    { name: 'an admin', role: 'admin', side: 'own', headers: bearer('admin') },
    { name: "A's registrar", role: 'registrar', side: 'own', headers: a.registrar },
    { name: "A's partner", role: 'partner', side: 'own', headers: a.partner },
    { name: "A's assessor", role: 'assessor', side: 'own', headers: a.assessor },
    { name: 'the learner', role: 'learner', side: 'own', headers: bearer('learner', { sub: ids.learnerId }) },
    { name: "B's registrar", role: 'registrar', side: 'other', headers: b.registrar },
    { name: "B's partner", role: 'partner', side: 'other', headers: b.partner },
    { name: "B's assessor", role: 'assessor', side: 'other', headers: b.assessor },
    {
      name: 'another learner',
      role: 'learner',
      side: 'other',
      headers: bearer('learner', { sub: ids.otherLearnerId }),
    },
    {
      name: "another learner whose token names A's organisations",
      role: 'learner',
      side: 'other',
      headers: bearer('learner', { sub: ids.otherLearnerId, org: a.partnerId }),
    },
  ];

  const send = (url: string, route: string, probe: Probe, caller: MatrixCaller) =>
    call(url, route.split(' ')[0]!, probe.path(), {
      headers: caller.headers ?? {},
      ...(probe.csv !== undefined ? { csv: probe.csv } : probe.body ? { body: probe.body() } : {}),
    });

  /** Reads go out together (they change nothing); writes one after another, in caller order. */
  async function checkRoute(
    service: string,
    table: AccessTable,
    route: string,
    probe: Probe,
    callers: MatrixCaller[],
  ) {
    const ask = async (caller: MatrixCaller) => {
      const expected = expectedOf(table, route, probe, caller);
      const { status, body } = await send(running[service]!.url, route, probe, caller);
      // Every refusal in the one error shape (a 503 is /ready's own report).
      if (status >= 400 && status !== 503)
        expect(body).toMatchObject({ statusCode: status, message: expect.any(String) });
      return { caller: caller.name, expected, status, right: answers(expected, status) };
    };
    const seen = [];
    if (route.startsWith('GET ')) seen.push(...(await Promise.all(callers.map(ask))));
    else for (const caller of callers) seen.push(await ask(caller));
    expect(seen.filter((answer) => !answer.right)).toEqual([]);
  }

  it('keeps learners from unratified results, and assessors from withdrawing enrolments', async () => {
    const own = bearer('learner', { sub: ids.provisionalLearnerId });
    const path = `/api/assessment/results/${ids.provisionalResultId}`;
    expect((await call(running.assessment!.url, 'GET', path, { headers: own })).status).toBe(404);
    expect((await call(running.assessment!.url, 'GET', path, { headers: a.assessor })).status).toBe(200);
    const withdrawal = `/api/enrolment/enrolments/${ids.enrolmentId}/withdrawal`;
    const answer = await call(running.enrolment!.url, 'POST', withdrawal, { headers: a.assessor, body: {} });
    expect(answer.status).toBe(403);
  });

  const probesOf = (service: string): Record<string, Probe> =>
    service === 'recognition' ? recognitionProbes(() => recognitionIds) : accessProbes(() => ({ a, b, ids }));

  describe.each([
    ['enrolment', ENROLMENT_ACCESS],
    ['assessment', ASSESSMENT_ACCESS],
    ['recognition', RECOGNITION_ACCESS],
  ] as const)('%s, with real records', (service, table) => {
    it('has a probe for every route of its table', () => {
      expect(routesOf(table).filter((route) => !probesOf(service)[route])).toEqual([]);
    });

    it.each(routesOf(table).map((route) => [route]))('%s', async (route) => {
      await checkRoute(service, table, route, probesOf(service)[route]!, dataCallers());
    });
  });

  describe("credentials, with A's issuer and trust list, and at the guard for one credential's routes", () => {
    const probes = credentialsProbes(() => a.awardingBodyId);
    it.each(routesOf(CREDENTIALS_ACCESS).map((route) => [route]))('%s', async (route) => {
      const probe = probes[route] ?? guardProbe(route);
      await checkRoute('credentials', CREDENTIALS_ACCESS, route, probe, dataCallers());
    });
  });
});
