import { randomUUID } from 'node:crypto';
import { bearer, call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import { simpleScheme } from './spec-support/assessment';
import { courseBody, learner, ok, setUpUniversity, type University } from './spec-support/university';

type Service = 'enrolment' | 'assessment' | 'credentials' | 'recognition';

const RLO = '\u202E';
const LINE_RULE = 'must be one line without control characters or bidirectional formatting characters';
const TEXT_RULE =
  'must not contain control characters (other than tabs and line breaks) or bidirectional formatting characters';
const fieldError = (field: string, rule: string, found: string) => ({
  field,
  message: `${rule} (found ${found})`,
});

interface UnsafeCase {
  name: string;
  service: Service;
  path: () => string;
  headers: () => { authorization: string };
  body: () => Record<string, unknown>;
  errors: { field: string; message: string }[];
  /** Whether anything of the refused request was stored, asked through the API. */
  stored: () => Promise<boolean>;
}

/**
 * Names and free text that end up on signed credentials and certificates refuse control characters and
 * bidirectional overrides, naming the field, on every service, and nothing of such a request is stored.
 */
describe('unsafe characters in names and free text', () => {
  const prefix = testTopicPrefix();
  const services = {} as Record<Service, RunningService>;
  let uni: University;
  const tag = randomUUID().slice(0, 8);
  const url = (service: Service) => services[service].url;
  const admin = () => bearer('admin');
  const registrar = () => uni.registrar;
  const names = async (service: Service, path: string, headers: { authorization: string }, key: string) =>
    (await ok(call(url(service), 'GET', `${path}?pageSize=200`, { headers }))).items.map(
      (item: Record<string, unknown>) => item[key],
    ) as unknown[];
  const enrolledEmails = async () =>
    (
      await names(
        'enrolment',
        `/api/enrolment/offerings/${uni.offeringId}/enrolments`,
        uni.partner,
        'learner',
      )
    ).map((details) => (details as { email: string }).email);

  beforeAll(async () => {
    services.enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    services.assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    services.credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    services.recognition = await startTestService('recognition', recognitionService, { topicPrefix: prefix });
    uni = await setUpUniversity(url('enrolment'), 10);
  }, 120000);

  afterAll(async () => {
    for (const service of Object.values(services)) await service?.stop();
  });

  const courseCode = `RLO${tag.toUpperCase()}`;
  const enrolEmail = `eve-${tag}@nhs.example`;
  const cases: UnsafeCase[] = [
    {
      name: 'an organisation name with a right-to-left override',
      service: 'enrolment',
      path: () => '/api/enrolment/organisations',
      headers: admin,
      body: () => ({ kind: 'awarding-body', name: `University of ${RLO}sdeeL ${tag}` }),
      errors: [fieldError('name', LINE_RULE, 'U+202E')],
      stored: async () =>
        (await names('enrolment', '/api/enrolment/organisations', admin(), 'name')).some((name) =>
          String(name).includes(tag),
        ),
    },
    {
      name: 'a course with a bell in its title, an isolate in its description and a mark in an outcome',
      service: 'enrolment',
      path: () => '/api/enrolment/courses',
      headers: registrar,
      body: () => ({
        ...courseBody(courseCode),
        title: 'Data in a day\u0007',
        description: 'Learn \u2066SQL\u2069 in a day.',
        learningOutcomes: ['Query a database', 'Explain \u200Fa join'],
      }),
      errors: [
        fieldError('title', LINE_RULE, 'U+0007'),
        fieldError('description', TEXT_RULE, 'U+2066'),
        fieldError('learningOutcomes.1', LINE_RULE, 'U+200F'),
      ],
      stored: async () =>
        (await names('enrolment', '/api/enrolment/courses', registrar(), 'code')).includes(courseCode),
    },
    {
      name: "a learner's given name with an override and a family name with a line break",
      service: 'enrolment',
      path: () => `/api/enrolment/offerings/${uni.offeringId}/enrolments`,
      headers: () => uni.partner,
      body: () => ({ learner: { email: enrolEmail, givenName: `Eve${RLO}`, familyName: 'Smith\nJones' } }),
      errors: [
        fieldError('learner.givenName', LINE_RULE, 'U+202E'),
        fieldError('learner.familyName', LINE_RULE, 'U+000A'),
      ],
      stored: async () => (await enrolledEmails()).includes(enrolEmail),
    },
    {
      name: 'an achievement name with an override and criteria with a C1 control',
      service: 'credentials',
      path: () => '/api/credentials/achievements',
      headers: registrar,
      body: () => ({
        courseId: uni.courseId,
        name: `App building ${RLO}yad a ni`,
        criteria: 'Attend\u0085 and pass.',
      }),
      errors: [fieldError('name', LINE_RULE, 'U+202E'), fieldError('criteria', TEXT_RULE, 'U+0085')],
      stored: async () =>
        (await names('credentials', '/api/credentials/achievements', registrar(), 'name')).length > 0,
    },
    {
      name: 'a programme title with an Arabic letter mark',
      service: 'recognition',
      path: () => '/api/recognition/programmes',
      headers: registrar,
      body: () => ({
        code: `MSC-${tag.slice(0, 6).toUpperCase()}`,
        title: `MSc Health Informatics\u061C ${tag}`,
        credits: 180,
        level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      }),
      errors: [fieldError('title', LINE_RULE, 'U+061C')],
      stored: async () =>
        (await names('recognition', '/api/recognition/programmes', registrar(), 'title')).some((title) =>
          String(title).includes(tag),
        ),
    },
    {
      name: 'an assessment component named with an override',
      service: 'assessment',
      path: () => '/api/assessment/schemes',
      headers: registrar,
      body: () => ({
        ...simpleScheme(uni.courseId),
        components: [{ name: `Pro${RLO}ject`, weight: 100, passMark: 40 }],
      }),
      errors: [fieldError('components.0.name', LINE_RULE, 'U+202E')],
      // Once the course has reached assessment, a clean scheme is the first: 201, not 409 for a second one.
      stored: async () => {
        const status = await waitFor(
          async () => {
            const answer = await call(url('assessment'), 'POST', '/api/assessment/schemes', {
              headers: registrar(),
              body: simpleScheme(uni.courseId),
            });
            return answer.status === 404 ? undefined : answer.status;
          },
          { what: 'the course to reach assessment' },
        );
        return status !== 201;
      },
    },
  ];

  it.each(cases.map((c) => [c.name, c]))(
    'refuses %s, naming the fields, and stores nothing',
    async (_, c) => {
      const answer = await call(url(c.service), 'POST', c.path(), { headers: c.headers(), body: c.body() });
      expect(answer).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'The request is not valid; see errors.',
          errors: expect.arrayContaining(c.errors),
        },
      });
      expect(answer.body.errors).toHaveLength(c.errors.length);
      expect(await c.stored()).toBe(false);
    },
  );

  it('refuses such rows of a bulk enrolment as invalid, naming the field, and enrols the others', async () => {
    const clean = learner('clean');
    const overridden = learner('overridden');
    const escaped = learner('escaped');
    const csv = [
      'email,given name,family name',
      `${clean.email},${clean.givenName},${clean.familyName}`,
      `${overridden.email},Ali${RLO}ce,${overridden.familyName}`,
      `${escaped.email},${escaped.givenName},"Doe\u001B[2J"`,
    ].join('\n');
    const report = await ok(
      call(url('enrolment'), 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments/bulk`, {
        headers: uni.partner,
        csv,
      }),
    );
    expect(report).toMatchObject({ rows: 3, enrolled: 1, invalid: 2 });
    expect(report.results).toEqual([
      expect.objectContaining({ line: 2, email: clean.email, result: 'enrolled' }),
      {
        line: 3,
        email: overridden.email,
        result: 'invalid',
        reason: `givenName: ${LINE_RULE} (found U+202E)`,
      },
      { line: 4, email: escaped.email, result: 'invalid', reason: `familyName: ${LINE_RULE} (found U+001B)` },
    ]);
    const emails = await enrolledEmails();
    expect(emails).toContain(clean.email);
    expect(emails).not.toContain(overridden.email);
    expect(emails).not.toContain(escaped.email);
  });

  it('keeps accepting names in any script and free text over several lines', async () => {
    const course = await call(url('enrolment'), 'POST', '/api/enrolment/courses', {
      headers: registrar(),
      body: {
        ...courseBody(),
        title: 'تحليل البيانات — 数据分析',
        description: 'Morning: SQL.\n\tAfternoon: R.\r\n',
      },
    });
    expect(course).toMatchObject({ status: 201, body: { title: 'تحليل البيانات — 数据分析' } });
    const enrolled = await call(
      url('enrolment'),
      'POST',
      `/api/enrolment/offerings/${uni.offeringId}/enrolments`,
      {
        headers: uni.partner,
        body: { learner: { ...learner('script'), givenName: 'Siân', familyName: 'Ó Súilleabháin' } },
      },
    );
    expect(enrolled.status).toBe(201);
  });
});
