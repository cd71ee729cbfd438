import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recordWhenKnown, setSchemeWhenKnown, simpleScheme } from './spec-support/assessment';
import { learner, ok, setUpUniversity, type University } from './spec-support/university';

type Headers = { authorization: string };
interface Endpoint {
  name: string;
  service: 'enrolment' | 'assessment';
  method: 'GET' | 'POST';
  path: () => string;
  body?: () => unknown;
  csv?: string;
  /** Callers from elsewhere, each of which must be refused (403 or 404), never served. */
  strangers: () => [string, Headers][];
  /** The rightful caller of a read, served with 200: proves the refusals are about the caller. */
  owner?: () => Headers;
}

/** Nobody reaches another organisation's data or another learner's records, on any endpoint. */
describe('access across organisations and learners', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let a: University;
  let b: University;
  let ids: {
    authorisationId: string;
    enrolmentId: string;
    learnerId: string;
    resultId: string;
    otherLearnerId: string;
  };

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    a = await setUpUniversity(enrolment.url, 5);
    b = await setUpUniversity(enrolment.url, 5);
    const authorisations = await ok(
      call(enrolment.url, 'GET', '/api/enrolment/authorisations', { headers: a.registrar }),
    );
    const mine = await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${a.offeringId}/enrolments`, {
        headers: a.partner,
        body: { learner: learner('a') },
      }),
    );
    const theirs = await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${b.offeringId}/enrolments`, {
        headers: b.partner,
        body: { learner: learner('b') },
      }),
    );
    await setSchemeWhenKnown(assessment.url, a.registrar, simpleScheme(a.courseId));
    const result = await recordWhenKnown(assessment.url, a.assessor, a.offeringId, mine.learnerId, {
      Project: 70,
    });
    ids = {
      authorisationId: authorisations.items[0].id,
      enrolmentId: mine.id,
      learnerId: mine.learnerId,
      resultId: result.resultId,
      otherLearnerId: theirs.learnerId,
    };
  });

  afterAll(async () => {
    await assessment.stop();
    await enrolment.stop();
  });

  const otherRegistrar = (): [string, Headers] => ['a registrar of another awarding body', b.registrar];
  const otherPartner = (): [string, Headers] => ['a partner of another organisation', b.partner];
  const otherAssessor = (): [string, Headers] => ['an assessor of another organisation', b.assessor];
  const otherLearner = (): [string, Headers] => [
    'another learner',
    bearer('learner', { sub: ids.otherLearnerId }),
  ];

  const endpoints: Endpoint[] = [
    {
      name: 'read an organisation',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/organisations/${a.awardingBodyId}`,
      strangers: () => [otherRegistrar(), otherLearner()],
      owner: () => a.registrar,
    },
    {
      name: 'register an organisation',
      service: 'enrolment',
      method: 'POST',
      path: () => '/api/enrolment/organisations',
      body: () => ({ kind: 'partner', name: 'Sneaky Ltd' }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'read a course',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/courses/${a.courseId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.partner,
    },
    {
      name: 'authorise a partner for a course',
      service: 'enrolment',
      method: 'POST',
      path: () => '/api/enrolment/authorisations',
      body: () => ({ partnerId: b.partnerId, courseId: a.courseId, validFrom: '2026-01-01' }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'withdraw an authorisation',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/authorisations/${ids.authorisationId}/withdrawal`,
      body: () => ({ reason: 'x' }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'read an authorisation',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/authorisations/${ids.authorisationId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.partner,
    },
    {
      name: 'create an offering of a course',
      service: 'enrolment',
      method: 'POST',
      path: () => '/api/enrolment/offerings',
      body: () => ({
        courseId: a.courseId,
        deliveringOrganisationId: b.partnerId,
        startDate: '2026-12-01',
        endDate: '2026-12-01',
        mode: 'online',
        capacity: 5,
        enrolmentOpensAt: '2026-11-01T00:00:00Z',
        enrolmentClosesAt: '2026-11-30T00:00:00Z',
      }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'read an offering',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/offerings/${a.offeringId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.registrar,
    },
    {
      name: 'close an offering',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/offerings/${a.offeringId}/close`,
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'complete an offering',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/offerings/${a.offeringId}/complete`,
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'publish an offering',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/offerings/${a.offeringId}/publish`,
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'enrol on an offering',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/offerings/${a.offeringId}/enrolments`,
      body: () => ({ learner: learner('x') }),
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
    },
    {
      name: 'enrol from CSV',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/offerings/${a.offeringId}/enrolments/bulk`,
      csv: 'x@nhs.example,X,Y',
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: "list an offering's enrolments",
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/offerings/${a.offeringId}/enrolments`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.partner,
    },
    {
      name: 'read an enrolment',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/enrolments/${ids.enrolmentId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => bearer('learner', { sub: ids.learnerId }),
    },
    {
      name: 'withdraw an enrolment',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/enrolments/${ids.enrolmentId}/withdrawal`,
      body: () => ({}),
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
    },
    {
      name: 'record completion',
      service: 'enrolment',
      method: 'POST',
      path: () => `/api/enrolment/enrolments/${ids.enrolmentId}/completion`,
      body: () => ({ attendance: 'attended' }),
      strangers: () => [
        otherRegistrar(),
        otherPartner(),
        ['the learner themself', bearer('learner', { sub: ids.learnerId })],
      ],
    },
    {
      name: 'read a learner',
      service: 'enrolment',
      method: 'GET',
      path: () => `/api/enrolment/learners/${ids.learnerId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.partner,
    },
    {
      name: 'read your own learner record',
      service: 'enrolment',
      method: 'GET',
      path: () => '/api/enrolment/learners/me',
      strangers: () => [otherRegistrar()],
      owner: () => bearer('learner', { sub: ids.learnerId }),
    },
    {
      name: 'set an assessment scheme',
      service: 'assessment',
      method: 'POST',
      path: () => '/api/assessment/schemes',
      body: () => ({
        courseId: a.courseId,
        components: [{ name: 'P', weight: 100, passMark: 40 }],
        overallPassMark: 40,
        maxAttempts: 1,
      }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
    {
      name: 'read an assessment scheme',
      service: 'assessment',
      method: 'GET',
      path: () => `/api/assessment/schemes/${a.courseId}`,
      strangers: () => [otherRegistrar(), otherPartner(), otherLearner()],
      owner: () => a.assessor,
    },
    {
      name: 'record marks',
      service: 'assessment',
      method: 'POST',
      path: () => `/api/assessment/offerings/${a.offeringId}/results`,
      body: () => ({ learnerId: ids.learnerId, marks: { Project: 99 } }),
      strangers: () => [otherAssessor(), otherRegistrar(), otherLearner()],
    },
    {
      name: 'record marks from CSV',
      service: 'assessment',
      method: 'POST',
      path: () => `/api/assessment/offerings/${a.offeringId}/results/bulk`,
      csv: `learnerId,Project\n${'0'.repeat(8)}-0000-4000-8000-000000000000,50`,
      strangers: () => [otherAssessor(), otherRegistrar()],
    },
    {
      name: "list an offering's results",
      service: 'assessment',
      method: 'GET',
      path: () => `/api/assessment/offerings/${a.offeringId}/results`,
      strangers: () => [otherAssessor(), otherRegistrar(), otherLearner()],
      owner: () => a.assessor,
    },
    {
      name: 'ratify an offering',
      service: 'assessment',
      method: 'POST',
      path: () => `/api/assessment/offerings/${a.offeringId}/ratification`,
      strangers: () => [otherRegistrar(), otherPartner(), ['the assessor who marked', a.assessor]],
    },
    {
      name: 'read a result',
      service: 'assessment',
      method: 'GET',
      path: () => `/api/assessment/results/${ids.resultId}`,
      strangers: () => [otherRegistrar(), otherAssessor(), otherLearner()],
      owner: () => bearer('learner', { sub: ids.learnerId }),
    },
    {
      name: 'ratify a result',
      service: 'assessment',
      method: 'POST',
      path: () => `/api/assessment/results/${ids.resultId}/ratification`,
      strangers: () => [otherRegistrar(), ['the assessor who marked', a.assessor]],
    },
    {
      name: 'amend a result',
      service: 'assessment',
      method: 'POST',
      path: () => `/api/assessment/results/${ids.resultId}/amendment`,
      body: () => ({ marks: { Project: 10 }, reason: 'x' }),
      strangers: () => [otherRegistrar(), otherPartner()],
    },
  ];

  const urlOf = (endpoint: Endpoint) => (endpoint.service === 'enrolment' ? enrolment.url : assessment.url);
  const send = (endpoint: Endpoint, headers?: Headers) =>
    call(urlOf(endpoint), endpoint.method, endpoint.path(), {
      headers: headers ?? {},
      ...(endpoint.csv !== undefined
        ? { csv: endpoint.csv }
        : endpoint.body
          ? { body: endpoint.body() }
          : {}),
    });

  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint]))(
    'refuses strangers to %s',
    async (_, endpoint) => {
      for (const [who, headers] of endpoint.strangers()) {
        const answer = await send(endpoint, headers);
        expect({ who, status: answer.status, refused: [403, 404].includes(answer.status) }).toEqual({
          who,
          status: answer.status,
          refused: true,
        });
        expect(answer.body).toMatchObject({ statusCode: answer.status, message: expect.any(String) });
      }
    },
  );

  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint]))(
    'asks for a token to %s',
    async (_, endpoint) => {
      expect((await send(endpoint)).status).toBe(401);
    },
  );

  it.each(endpoints.filter((endpoint) => endpoint.owner).map((endpoint) => [endpoint.name, endpoint]))(
    'serves the rightful caller who wants to %s',
    async (_, endpoint) => {
      expect((await send(endpoint, endpoint.owner!())).status).toBe(200);
    },
  );

  it.each([
    ['organisations', '/api/enrolment/organisations', () => a.awardingBodyId, () => [b.registrar, b.partner]],
    ['courses', '/api/enrolment/courses', () => a.courseId, () => [b.registrar, b.partner]],
    [
      'authorisations',
      '/api/enrolment/authorisations',
      () => ids.authorisationId,
      () => [b.registrar, b.partner],
    ],
    ['offerings', '/api/enrolment/offerings', () => a.offeringId, () => [b.registrar, b.partner, b.assessor]],
  ])('lists no %s of another organisation', async (_, path, foreignId, callers) => {
    for (const headers of callers()) {
      const page = await ok(call(enrolment.url, 'GET', `${path}?pageSize=200`, { headers }));
      expect(page.items.map((item: any) => item.id)).not.toContain(foreignId());
    }
    const own = await ok(call(enrolment.url, 'GET', `${path}?pageSize=200`, { headers: a.registrar }));
    expect(own.items.map((item: any) => item.id)).toContain(foreignId());
  });

  it('shows a learner only their own results and enrolments', async () => {
    const other = bearer('learner', { sub: ids.otherLearnerId });
    expect(
      await ok(call(assessment.url, 'GET', '/api/assessment/learners/me/results', { headers: other })),
    ).toMatchObject({ items: [], total: 0 });
    const enrolments = await ok(
      call(enrolment.url, 'GET', '/api/enrolment/learners/me/enrolments', { headers: other }),
    );
    expect(enrolments.items.map((e: any) => e.learnerId)).toEqual([ids.otherLearnerId]);
  });
});
