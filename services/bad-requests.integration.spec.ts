import { randomUUID } from 'node:crypto';
import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import {
  courseBody,
  learner,
  offeringBody,
  ok,
  setUpUniversity,
  type University,
} from './spec-support/university';
import { recordWhenKnown, setSchemeWhenKnown, simpleScheme } from './spec-support/assessment';

interface BadRequest {
  name: string;
  service: 'enrolment' | 'assessment';
  method?: 'GET' | 'POST';
  path: () => string;
  headers?: () => Record<string, string>;
  body?: () => unknown;
  csv?: string;
  raw?: string;
  status: number;
  /** What the answer must contain: the message and/or field errors. */
  says: Record<string, unknown>;
}

/** The plain words for something another service publishes first, which may still be on its way. */
const stillTravelling = (what: string) =>
  new RegExp(
    `^No ${what} [0-9a-f-]+ that you can see\\. If it was created moments ago, it is still being set up across the system; try again in a moment\\.$`,
  );

const field = (name: string, message: string | RegExp = /.+/) => ({
  errors: expect.arrayContaining([
    { field: name, message: typeof message === 'string' ? message : expect.stringMatching(message) },
  ]),
});

/** Bad input gets the right 4xx with a clear message and field-level detail, and changes nothing. */
describe('bad requests', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let uni: University;
  let ctx: {
    draftOfferingId: string;
    laterOfferingId: string;
    waitlistedId: string;
    enrolledLearnerId: string;
    resultId: string;
  };

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 1);
    const enrol = (body: unknown) =>
      ok(
        call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
          headers: uni.partner,
          body,
        }),
      );
    const enrolled = await enrol({ learner: learner('seated') });
    const waitlisted = await enrol({ learner: learner('waiting') });
    const draft = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/offerings', {
        headers: uni.partner,
        body: offeringBody(uni.courseId, uni.partnerId),
      }),
    );
    const later = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/offerings', {
        headers: uni.partner,
        body: {
          ...offeringBody(uni.courseId, uni.partnerId),
          enrolmentOpensAt: '2027-01-01T00:00:00Z',
          enrolmentClosesAt: '2027-02-01T00:00:00Z',
        },
      }),
    );
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${later.id}/publish`, { headers: uni.partner }),
    );
    await setSchemeWhenKnown(assessment.url, uni.registrar, simpleScheme(uni.courseId));
    const result = await recordWhenKnown(assessment.url, uni.assessor, uni.offeringId, enrolled.learnerId, {
      Project: 55,
    });
    ctx = {
      draftOfferingId: draft.id,
      laterOfferingId: later.id,
      waitlistedId: waitlisted.id,
      enrolledLearnerId: enrolled.learnerId,
      resultId: result.resultId,
    };
  });

  afterAll(async () => {
    await assessment.stop();
    await enrolment.stop();
  });

  const admin = () => bearer('admin');
  const registrar = () => uni.registrar;
  const partner = () => uni.partner;
  const organisations = '/api/enrolment/organisations';
  const enrolPath = () => `/api/enrolment/offerings/${uni.offeringId}/enrolments`;
  const results = () => `/api/assessment/offerings/${uni.offeringId}/results`;
  const schemeFor = (over: Record<string, unknown>) => ({
    courseId: randomUUID(),
    components: [{ name: 'A', weight: 100, passMark: 40 }],
    overallPassMark: 40,
    maxAttempts: 1,
    ...over,
  });

  const cases: BadRequest[] = [
    {
      name: 'an organisation of an unknown kind',
      service: 'enrolment',
      path: () => organisations,
      headers: admin,
      body: () => ({ kind: 'school', name: 'X' }),
      status: 400,
      says: field('kind'),
    },
    {
      name: 'an organisation without a name',
      service: 'enrolment',
      path: () => organisations,
      headers: admin,
      body: () => ({ kind: 'partner' }),
      status: 400,
      says: field('name'),
    },
    {
      name: 'an organisation name that is a number',
      service: 'enrolment',
      path: () => organisations,
      headers: admin,
      body: () => ({ kind: 'partner', name: 42 }),
      status: 400,
      says: field('name', /expected string/),
    },
    {
      name: 'an unknown field',
      service: 'enrolment',
      path: () => organisations,
      headers: admin,
      body: () => ({ kind: 'partner', name: 'Y', colour: 'red' }),
      status: 400,
      says: field('colour', 'is not a known field'),
    },
    {
      name: 'a UKPRN of the wrong form',
      service: 'enrolment',
      path: () => organisations,
      headers: admin,
      body: () => ({ kind: 'partner', name: 'Z', ukprn: '1234' }),
      status: 400,
      says: field('ukprn', 'a UKPRN is 8 digits starting with 1'),
    },
    {
      name: 'a body that is not JSON',
      service: 'enrolment',
      path: () => organisations,
      headers: () => ({ ...admin(), 'content-type': 'application/json' }),
      raw: '{"kind": "partner",',
      status: 400,
      says: { message: expect.stringMatching(/JSON/) },
    },
    {
      name: 'an oversize body',
      service: 'enrolment',
      path: () => organisations,
      headers: () => ({ ...admin(), 'content-type': 'application/json' }),
      raw: JSON.stringify({ kind: 'partner', name: 'x'.repeat(300 * 1024) }),
      status: 413,
      says: { message: 'The request body is larger than the limit of 256 kB.' },
    },
    {
      name: 'a page size over the limit',
      service: 'enrolment',
      method: 'GET',
      path: () => `${organisations}?pageSize=500`,
      headers: admin,
      status: 400,
      says: field('pageSize'),
    },
    {
      name: 'an access token that is not a JWT',
      service: 'enrolment',
      method: 'GET',
      path: () => organisations,
      headers: () => ({ authorization: 'Bearer not-a-token' }),
      status: 401,
      says: { message: expect.stringMatching(/^The access token was refused/) },
    },
    {
      name: 'a registrar registering an organisation',
      service: 'enrolment',
      path: () => organisations,
      headers: registrar,
      body: () => ({ kind: 'partner', name: 'Q' }),
      status: 403,
      says: { message: 'This needs one of the roles: admin.' },
    },
    {
      name: 'a course with half a level',
      service: 'enrolment',
      path: () => '/api/enrolment/courses',
      headers: registrar,
      body: () => ({ ...courseBody(), level: { framework: 'FHEQ', level: 3, eqfLevel: 7 } }),
      status: 400,
      says: field('level.level', 'FHEQ levels run from 4 to 8'),
    },
    {
      name: 'a course with credits not in half credits',
      service: 'enrolment',
      path: () => '/api/enrolment/courses',
      headers: registrar,
      body: () => ({ ...courseBody(), credits: 5.25 }),
      status: 400,
      says: field('credits'),
    },
    {
      name: 'a course without learning outcomes',
      service: 'enrolment',
      path: () => '/api/enrolment/courses',
      headers: registrar,
      body: () => ({ ...courseBody(), learningOutcomes: [] }),
      status: 400,
      says: field('learningOutcomes'),
    },
    {
      name: 'a course code in lower case',
      service: 'enrolment',
      path: () => '/api/enrolment/courses',
      headers: registrar,
      body: () => ({ ...courseBody(), code: 'app-1' }),
      status: 400,
      says: field('code', 'a course code is 2 to 32 capital letters, digits and hyphens'),
    },
    {
      name: 'an authorisation ending before it starts',
      service: 'enrolment',
      path: () => '/api/enrolment/authorisations',
      headers: registrar,
      body: () => ({
        partnerId: uni.partnerId,
        courseId: uni.courseId,
        validFrom: '2027-01-01',
        validUntil: '2026-01-01',
      }),
      status: 400,
      says: field('validUntil', 'must not be before validFrom'),
    },
    {
      name: 'an authorisation with a partner id that is no uuid',
      service: 'enrolment',
      path: () => '/api/enrolment/authorisations',
      headers: registrar,
      body: () => ({ partnerId: 'partner-1', courseId: uni.courseId, validFrom: '2027-01-01' }),
      status: 400,
      says: field('partnerId'),
    },
    {
      name: 'authorising an awarding body as a partner',
      service: 'enrolment',
      path: () => '/api/enrolment/authorisations',
      headers: registrar,
      body: () => ({ partnerId: uni.awardingBodyId, courseId: uni.courseId, validFrom: '2027-01-01' }),
      status: 422,
      says: field('partnerId', 'is not a registered partner organisation'),
    },
    {
      name: 'an offering ending before it starts',
      service: 'enrolment',
      path: () => '/api/enrolment/offerings',
      headers: partner,
      body: () => ({ ...offeringBody(uni.courseId, uni.partnerId), endDate: '2026-11-01' }),
      status: 400,
      says: field('endDate', 'must not be before startDate'),
    },
    {
      name: 'an enrolment window closing before it opens',
      service: 'enrolment',
      path: () => '/api/enrolment/offerings',
      headers: partner,
      body: () => ({
        ...offeringBody(uni.courseId, uni.partnerId),
        enrolmentClosesAt: '2020-01-01T00:00:00Z',
      }),
      status: 400,
      says: field('enrolmentClosesAt', 'must be after enrolmentOpensAt'),
    },
    {
      name: 'an offering without seats',
      service: 'enrolment',
      path: () => '/api/enrolment/offerings',
      headers: partner,
      body: () => ({ ...offeringBody(uni.courseId, uni.partnerId), capacity: 0 }),
      status: 400,
      says: field('capacity'),
    },
    {
      name: 'an in-person offering without a location',
      service: 'enrolment',
      path: () => '/api/enrolment/offerings',
      headers: partner,
      body: () => ({ ...offeringBody(uni.courseId, uni.partnerId), location: undefined }),
      status: 400,
      says: field('location', 'is required unless the offering is online'),
    },
    {
      name: 'an offering date in the wrong format',
      service: 'enrolment',
      path: () => '/api/enrolment/offerings',
      headers: partner,
      body: () => ({ ...offeringBody(uni.courseId, uni.partnerId), startDate: '01/12/2026' }),
      status: 400,
      says: field('startDate'),
    },
    {
      name: 'publishing an offering twice',
      service: 'enrolment',
      path: () => `/api/enrolment/offerings/${uni.offeringId}/publish`,
      headers: partner,
      status: 409,
      says: { message: 'An offering that is open cannot become open.' },
    },
    {
      name: 'an enrolment naming both a learner id and details',
      service: 'enrolment',
      path: enrolPath,
      headers: partner,
      body: () => ({ learnerId: randomUUID(), learner: learner('both') }),
      status: 400,
      says: field('learner'),
    },
    {
      name: 'an enrolment with a bad email',
      service: 'enrolment',
      path: enrolPath,
      headers: partner,
      body: () => ({ learner: { ...learner('bad'), email: 'nobody' } }),
      status: 400,
      says: field('learner.email'),
    },
    {
      name: 'an enrolment of an unknown learner id',
      service: 'enrolment',
      path: enrolPath,
      headers: partner,
      body: () => ({ learnerId: randomUUID() }),
      status: 422,
      says: field('learnerId', 'is not a registered learner'),
    },
    {
      name: 'an enrolment before the window opens',
      service: 'enrolment',
      path: () => `/api/enrolment/offerings/${ctx.laterOfferingId}/enrolments`,
      headers: partner,
      body: () => ({ learner: learner('early') }),
      status: 409,
      says: { message: 'Enrolment is open from 2027-01-01T00:00:00.000Z to 2027-02-01T00:00:00.000Z.' },
    },
    {
      name: 'an enrolment on a draft offering',
      service: 'enrolment',
      path: () => `/api/enrolment/offerings/${ctx.draftOfferingId}/enrolments`,
      headers: partner,
      body: () => ({ learner: learner('draft') }),
      status: 409,
      says: { message: 'The offering is draft, not open for enrolment.' },
    },
    {
      name: 'an enrolment id that is no uuid',
      service: 'enrolment',
      method: 'GET',
      path: () => '/api/enrolment/enrolments/42',
      headers: partner,
      status: 400,
      says: field('id', 'must be a uuid'),
    },
    {
      name: 'an attendance that is neither',
      service: 'enrolment',
      path: () => `/api/enrolment/enrolments/${ctx.waitlistedId}/completion`,
      headers: partner,
      body: () => ({ attendance: 'maybe' }),
      status: 400,
      says: field('attendance'),
    },
    {
      name: 'completing a waitlisted learner',
      service: 'enrolment',
      path: () => `/api/enrolment/enrolments/${ctx.waitlistedId}/completion`,
      headers: partner,
      body: () => ({ attendance: 'attended' }),
      status: 409,
      says: { message: 'Only an enrolled learner can complete; this enrolment is waitlisted.' },
    },
    {
      name: 'bulk enrolment sent as JSON',
      service: 'enrolment',
      path: () => `${enrolPath()}/bulk`,
      headers: partner,
      body: () => ({ rows: [] }),
      status: 415,
      says: { message: 'Send the rows as CSV with Content-Type: text/csv.' },
    },
    {
      name: 'bulk enrolment with an unterminated quote',
      service: 'enrolment',
      path: () => `${enrolPath()}/bulk`,
      headers: partner,
      csv: 'a@nhs.example,A,B\n"b@nhs.example,B,C\n',
      status: 400,
      says: field('csv', 'line 2: a quoted value is never closed'),
    },
    {
      name: 'a scheme whose weights do not add up',
      service: 'assessment',
      path: () => '/api/assessment/schemes',
      headers: registrar,
      body: () =>
        schemeFor({
          components: [
            { name: 'A', weight: 60, passMark: 40 },
            { name: 'B', weight: 30, passMark: 40 },
          ],
        }),
      status: 400,
      says: field('components', 'weights must add up to 100, not 90'),
    },
    {
      name: 'a grade band below the pass mark',
      service: 'assessment',
      path: () => '/api/assessment/schemes',
      headers: registrar,
      body: () => schemeFor({ gradeBands: [{ grade: 'Merit', minMark: 30 }] }),
      status: 400,
      says: field('gradeBands.0.minMark'),
    },
    {
      name: 'a mark over 100',
      service: 'assessment',
      path: results,
      headers: () => uni.assessor,
      body: () => ({ learnerId: ctx.enrolledLearnerId, marks: { Project: 101 } }),
      status: 400,
      says: field('marks.Project', 'a mark is at most 100'),
    },
    {
      name: 'a negative mark',
      service: 'assessment',
      path: results,
      headers: () => uni.assessor,
      body: () => ({ learnerId: ctx.enrolledLearnerId, marks: { Project: -1 } }),
      status: 400,
      says: field('marks.Project', 'a mark is at least 0'),
    },
    {
      name: 'a mark for a component the scheme lacks',
      service: 'assessment',
      path: results,
      headers: () => uni.assessor,
      body: () => ({ learnerId: ctx.enrolledLearnerId, marks: { Project: 50, Essay: 60 } }),
      status: 400,
      says: field('marks.Essay', 'is not a component of the scheme'),
    },
    {
      name: 'marks without a learner',
      service: 'assessment',
      path: results,
      headers: () => uni.assessor,
      body: () => ({ marks: { Project: 50 } }),
      status: 400,
      says: field('learnerId'),
    },
    {
      name: 'bulk marks without a header',
      service: 'assessment',
      path: () => `${results()}/bulk`,
      headers: () => uni.assessor,
      csv: `${randomUUID()},50\n`,
      status: 400,
      says: field('csv', 'line 1: expected learnerId,<component>,...'),
    },
    {
      name: 'an amendment without a reason',
      service: 'assessment',
      path: () => `/api/assessment/results/${ctx.resultId}/amendment`,
      headers: registrar,
      body: () => ({ marks: { Project: 60 } }),
      status: 400,
      says: field('reason'),
    },
    {
      name: 'amending a result that is not ratified',
      service: 'assessment',
      path: () => `/api/assessment/results/${ctx.resultId}/amendment`,
      headers: registrar,
      body: () => ({ marks: { Project: 60 }, reason: 'remark' }),
      status: 409,
      says: { message: 'Only a ratified result is amended; record new marks instead.' },
    },
    {
      name: 'ratifying a result that does not exist',
      service: 'assessment',
      path: () => `/api/assessment/results/${randomUUID()}/ratification`,
      headers: registrar,
      status: 404,
      says: { message: expect.stringMatching(/^No result .+ that you can see\.$/) },
    },
    {
      name: 'a scheme for a course assessment has not heard of (maybe not yet)',
      service: 'assessment',
      path: () => '/api/assessment/schemes',
      headers: registrar,
      body: () => simpleScheme(randomUUID()),
      status: 404,
      says: { message: expect.stringMatching(stillTravelling('course')) },
    },
    {
      name: 'marks for an offering assessment has not heard of (maybe not yet)',
      service: 'assessment',
      path: () => `/api/assessment/offerings/${randomUUID()}/results`,
      headers: () => uni.assessor,
      body: () => ({ learnerId: randomUUID(), marks: { Project: 50 } }),
      status: 404,
      says: { message: expect.stringMatching(stillTravelling('offering')) },
    },
  ];

  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map((c) => [c.name, c]))('answers %s with the right 4xx and message', async (_, c) => {
    const answer = await call(
      c.service === 'enrolment' ? enrolment.url : assessment.url,
      c.method ?? 'POST',
      c.path(),
      {
        headers: c.headers?.() ?? {},
        ...(c.csv !== undefined
          ? { csv: c.csv }
          : c.raw !== undefined
            ? { raw: c.raw }
            : c.body
              ? { body: c.body() }
              : {}),
      },
    );
    expect(answer).toEqual({
      status: c.status,
      body: expect.objectContaining({ statusCode: c.status, ...c.says }),
    });
  });

  it('changed nothing', async () => {
    const orgs = await ok(call(enrolment.url, 'GET', organisations, { headers: admin() }));
    expect(orgs.total).toBe(2);
    const courses = await ok(call(enrolment.url, 'GET', '/api/enrolment/courses', { headers: registrar() }));
    expect(courses.total).toBe(1);
    const offerings = await ok(
      call(enrolment.url, 'GET', '/api/enrolment/offerings', { headers: partner() }),
    );
    expect(offerings.total).toBe(3);
    const enrolments = await ok(call(enrolment.url, 'GET', enrolPath(), { headers: partner() }));
    expect(enrolments.items.map((e: any) => e.status)).toEqual(['enrolled', 'waitlisted']);
    const result = await ok(
      call(assessment.url, 'GET', `/api/assessment/results/${ctx.resultId}`, { headers: registrar() }),
    );
    expect(result).toMatchObject({ version: 1, overallMark: 55, status: 'provisional' });
  });
});
