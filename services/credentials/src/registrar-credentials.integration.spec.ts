import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
  offeringPublishedV1,
  organisationRegisteredV1,
  resultRatifiedV1,
  TOPICS,
} from '@lib/contracts';
import {
  type ApiResponse,
  bearer,
  call,
  eventFactories,
  EventPublisher,
  EventRecorder,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { credentialsService } from './credentials.definition';

interface Listed {
  credentialId: string;
  learner: { id: string; name?: string };
  course: { id?: string; code?: string; title?: string };
  achievementName: string;
  credits?: number;
  level?: { framework: string; level: number };
  issuedAt: string;
  status: { state: string; reason?: string; changedAt?: string };
}
interface ListPage {
  items: Listed[];
  total: number;
  page: number;
  pageSize: number;
}

/** A registrar searches their awarding body's credentials by learner and by course, and sees each one's status. */
describe("a registrar's search of the body's credentials", () => {
  const prefix = testTopicPrefix();
  const events = new EventRecorder(prefix);
  const publisher = new EventPublisher(prefix, '/spec');
  const university = eventFactories.organisationRegistered({ kind: 'awarding-body', name: 'University' });
  const other = eventFactories.organisationRegistered({ kind: 'awarding-body', name: 'Other University' });
  const bodyId = university.organisationId;
  const course = (code: string, title: string) =>
    eventFactories.coursePublished({ awardingBodyId: bodyId, code, title });
  const courses = [course('HDS-101', 'Health data science'), course('AI-201', 'Clinical AI')];
  const offerings = courses.map((c) =>
    eventFactories.offeringPublished({
      awardingBodyId: bodyId,
      deliveringOrganisationId: bodyId,
      courseId: c.courseId,
      courseCode: c.code,
      courseTitle: c.title,
    }),
  );
  const registrar = bearer('registrar', { org: bodyId });
  const otherRegistrar = bearer('registrar', { org: other.organisationId });
  const ada = randomUUID();
  const grace = randomUUID();
  let credentials: RunningService;
  /** Credential ids by `<learner>:<course index>`. */
  const issued = new Map<string, string>();

  const publish = <C extends EventContract>(contract: C, data: EventData<C>) =>
    publisher.publish(contract, data);

  /** The events that earn a learner the credential of one of the courses. */
  async function earn(learnerId: string, n: number, givenName: string): Promise<void> {
    const offering = offerings[n]!;
    const scope = {
      enrolmentId: randomUUID(),
      learnerId,
      offeringId: offering.offeringId,
      courseId: offering.courseId,
      awardingBodyId: bodyId,
      deliveringOrganisationId: bodyId,
    };
    const learner = { givenName, familyName: 'Example', email: `${givenName.toLowerCase()}@example.org` };
    await publish(enrolmentCreatedV1, { ...eventFactories.enrolmentCreated(), ...scope, learner });
    await publish(enrolmentCompletedV1, { ...eventFactories.enrolmentCompleted(), ...scope });
    const { offeringId, courseId } = scope;
    await publish(resultRatifiedV1, eventFactories.resultRatified({ learnerId, offeringId, courseId }));
    const [event] = await events.waitFor(
      TOPICS.credentialsCredentialIssued,
      (d) => d.learnerId === learnerId && d.offeringId === offeringId,
    );
    issued.set(`${learnerId}:${n}`, (event!.envelope.data as { credentialId: string }).credentialId);
  }

  const list = (headers: Record<string, string>, query: Record<string, string> = {}) =>
    call(
      credentials.url,
      'GET',
      `/api/credentials/awarding-body/credentials?${new URLSearchParams(query).toString()}`,
      { headers },
    ) as Promise<ApiResponse<ListPage>>;
  const ids = (page: ListPage) => page.items.map((item) => item.credentialId);

  beforeAll(async () => {
    await publisher.start();
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    await events.start();
    await publish(organisationRegisteredV1, university);
    await publish(organisationRegisteredV1, other);
    for (const c of courses) await publish(coursePublishedV1, c);
    for (const o of offerings) await publish(offeringPublishedV1, o);
    for (const c of courses) {
      await waitFor(
        async () =>
          (
            await call(credentials.url, 'POST', '/api/credentials/achievements', {
              headers: registrar,
              body: { courseId: c.courseId, criteria: 'Attend and pass.' },
            })
          ).status === 201,
        { what: `${c.code} and the issuer to reach credentials` },
      );
    }
    // One after another, so "newest first" has an order to check.
    await earn(ada, 0, 'Ada');
    await earn(grace, 0, 'Grace');
    await earn(ada, 1, 'Ada');
  }, 120_000);

  afterAll(async () => {
    await events.stop();
    await credentials.stop();
    await publisher.stop();
  });

  it("lists a learner's credentials, newest first, with the learner's name, course, credits, level and status", async () => {
    const answer = await list(registrar, { learnerId: ada });
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(ids(answer.body)).toEqual([issued.get(`${ada}:1`), issued.get(`${ada}:0`)]);
    expect(answer.body.items[1]).toMatchObject({
      learner: { id: ada, name: 'Ada Example' },
      course: { id: courses[0]!.courseId, code: 'HDS-101', title: 'Health data science' },
      achievementName: 'Health data science',
      credits: courses[0]!.credits.value,
      level: courses[0]!.level,
      status: { state: 'active' },
    });
    expect(answer.body.items[1]!.status).toEqual({ state: 'active' });
  });

  it("lists a course's credentials, and one learner's on one course", async () => {
    const byCourse = await list(registrar, { courseId: courses[0]!.courseId });
    expect(byCourse.status).toBe(200);
    expect(ids(byCourse.body)).toEqual([issued.get(`${grace}:0`), issued.get(`${ada}:0`)]);
    expect(byCourse.body.items.map((item) => item.learner.name)).toEqual(['Grace Example', 'Ada Example']);
    const both = await list(registrar, { courseId: courses[1]!.courseId, learnerId: grace });
    expect(both.body).toMatchObject({ items: [], total: 0 });
    const all = await list(registrar, { pageSize: '2', page: '2' });
    expect(all.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(all.body)).toEqual([issued.get(`${ada}:0`)]);
  });

  it('shows a revocation and a suspension with their reasons, and a reinstatement as active again', async () => {
    const revoked = issued.get(`${grace}:0`)!;
    const suspended = issued.get(`${ada}:1`)!;
    const change = (credentialId: string, action: string, reason?: string) =>
      call(
        credentials.url,
        'POST',
        `/api/credentials/credentials/${encodeURIComponent(credentialId)}/${action}`,
        { headers: registrar, body: reason ? { reason } : {} },
      );
    expect((await change(revoked, 'revocation', 'Awarded in error')).status).toBe(200);
    expect((await change(suspended, 'suspension', 'Under investigation')).status).toBe(200);
    const byCourse = await list(registrar, { courseId: courses[0]!.courseId });
    expect(byCourse.body.items[0]).toMatchObject({
      credentialId: revoked,
      status: { state: 'revoked', reason: 'Awarded in error', changedAt: expect.any(String) },
    });
    const ofAda = await list(registrar, { learnerId: ada });
    expect(ofAda.body.items.map((item) => item.status.state)).toEqual(['suspended', 'active']);
    expect(ofAda.body.items[0]!.status.reason).toBe('Under investigation');
    expect((await change(suspended, 'reinstatement')).status).toBe(200);
    expect((await list(registrar, { learnerId: ada })).body.items[0]!.status).toEqual({ state: 'active' });
  });

  it("shows another awarding body's registrar none of this body's credentials", async () => {
    const searches: Record<string, string>[] = [{}, { learnerId: ada }, { courseId: courses[0]!.courseId }];
    for (const query of searches) {
      const answer = await list(otherRegistrar, query);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('refuses anyone but a registrar', async () => {
    expect((await list(bearer('learner', { sub: ada }), { learnerId: ada })).status).toBe(403);
    expect((await list(bearer('partner', { org: bodyId }))).status).toBe(403);
    expect((await list({})).status).toBe(401);
  });

  it('answers 400, naming the field, for a malformed filter or page', async () => {
    const learner = await list(registrar, { learnerId: 'ada' });
    expect(learner.status).toBe(400);
    expect(learner.body).toMatchObject({ errors: [{ field: 'learnerId', message: expect.any(String) }] });
    const course = await list(registrar, { courseId: 'HDS-101' });
    expect(course.body).toMatchObject({ errors: [{ field: 'courseId' }] });
    const size = await list(registrar, { pageSize: '500' });
    expect(size.status).toBe(400);
    expect(size.body).toMatchObject({ errors: [{ field: 'pageSize' }] });
    const unknown = await list(registrar, { learnerEmail: 'ada@example.org' });
    expect(unknown.status).toBe(400);
  });
});
