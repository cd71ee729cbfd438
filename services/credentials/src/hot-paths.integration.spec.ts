import { randomUUID } from 'node:crypto';
import {
  authorisationGrantedV1,
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
  bearer,
  call,
  eventFactories,
  EventPublisher,
  EventRecorder,
  type QueryRecorder,
  recordQueries,
  type RunningService,
  startTestService,
  testTopicPrefix,
  indexesOf,
  uniqueKeysOf,
  unindexedQueries,
  unkeyedQueries,
  waitFor,
} from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { credentialsService } from './credentials.definition';

/**
 * Issuing and what a learner does with their credentials read and write by `_id` or a unique key (the development
 * database scans for anything else). Setup (issuer, course, achievement) and one first learner, whose credential
 * fills the caches of seldom-changing records, come before the recording.
 */
describe('credentials hot paths', () => {
  const prefix = testTopicPrefix();
  const events = new EventRecorder(prefix);
  const awardingBody = eventFactories.organisationRegistered({ kind: 'awarding-body', name: 'University' });
  const partner = eventFactories.organisationRegistered({ kind: 'partner' });
  const course = eventFactories.coursePublished({ awardingBodyId: awardingBody.organisationId });
  const offering = eventFactories.offeringPublished({
    awardingBodyId: awardingBody.organisationId,
    deliveringOrganisationId: partner.organisationId,
    courseId: course.courseId,
    courseCode: course.code,
    courseTitle: course.title,
  });
  const registrar = bearer('registrar', { org: awardingBody.organisationId });
  const publisher = new EventPublisher(prefix, '/spec');
  let credentials: RunningService;
  let connection: Connection;
  let queries: QueryRecorder;

  const publish = <C extends EventContract>(contract: C, data: EventData<C>, id?: string) =>
    publisher.publish(contract, data, id);

  /** The three events that earn a credential, as enrolment and assessment send them. */
  async function earn(learnerId: string): Promise<string> {
    const scope = {
      enrolmentId: randomUUID(),
      learnerId,
      offeringId: offering.offeringId,
      courseId: course.courseId,
      awardingBodyId: awardingBody.organisationId,
      deliveringOrganisationId: partner.organisationId,
    };
    await publish(enrolmentCreatedV1, { ...eventFactories.enrolmentCreated(), ...scope });
    await publish(enrolmentCompletedV1, { ...eventFactories.enrolmentCompleted(), ...scope });
    const { offeringId, courseId } = scope;
    await publish(resultRatifiedV1, eventFactories.resultRatified({ learnerId, offeringId, courseId }));
    const [issued] = await events.waitFor(
      TOPICS.credentialsCredentialIssued,
      (d) => d.learnerId === learnerId,
    );
    return (issued!.envelope.data as { credentialId: string }).credentialId;
  }

  beforeAll(async () => {
    await publisher.start();
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    connection = credentials.app.get<Connection>(getConnectionToken());
    await events.start();
    await publish(organisationRegisteredV1, awardingBody);
    await publish(organisationRegisteredV1, partner);
    await publish(coursePublishedV1, course);
    await publish(offeringPublishedV1, offering);
    await publish(
      authorisationGrantedV1,
      eventFactories.authorisationGranted({
        awardingBodyId: awardingBody.organisationId,
        partnerId: partner.organisationId,
        courseId: course.courseId,
        validFrom: '2020-01-01',
      }),
    );
    await waitFor(
      async () =>
        (
          await call(credentials.url, 'POST', '/api/credentials/achievements', {
            headers: registrar,
            body: { courseId: course.courseId, criteria: 'Attend and pass.' },
          })
        ).status === 201,
      { what: 'the course and issuer to reach credentials' },
    );
    queries = recordQueries();
    await earn(randomUUID());
  });

  afterAll(async () => {
    queries?.stop();
    await events.stop();
    await credentials.stop();
    await publisher.stop();
  });

  it('issues, lists, downloads, shares, serves status lists and verifies by key', async () => {
    queries.clear();
    const learners = [randomUUID(), randomUUID(), randomUUID()];
    const credentialIds = await Promise.all(learners.map((learnerId) => earn(learnerId)));
    const learner = bearer('learner', { sub: learners[0]! });
    const own = await call(credentials.url, 'GET', '/api/credentials/learners/me/credentials', {
      headers: learner,
    });
    expect(own.body).toMatchObject({ total: 1, items: [{ credentialId: credentialIds[0] }] });
    const mine = `/api/credentials/learners/me/credentials/${encodeURIComponent(credentialIds[0]!)}`;
    const download = await call(credentials.url, 'GET', `${mine}/download?format=jwt`, { headers: learner });
    expect(download.status).toBe(200);
    const link = await call(credentials.url, 'POST', `${mine}/share-links`, { headers: learner, body: {} });
    expect(link.status).toBe(201);
    const token = (link.body as { token: string }).token;
    expect((await call(credentials.url, 'GET', `/api/credentials/shared/${token}`)).status).toBe(200);
    const links = await call(credentials.url, 'GET', '/api/credentials/learners/me/share-links', {
      headers: learner,
    });
    expect(links.body).toMatchObject({ total: 1, items: [{ token }] });
    const pdf = await call(credentials.url, 'GET', `${mine}/download?format=pdf`, { headers: learner });
    expect(pdf.status).toBe(200);
    const lists = `/api/credentials/status-lists/${awardingBody.organisationId}`;
    expect((await call(credentials.url, 'GET', `${lists}-revocation-1`)).status).toBe(200);
    const verified = await call(credentials.url, 'POST', '/api/credentials/verify', {
      body: { credential: download.body as string },
    });
    expect(verified.body).toMatchObject({ verified: true });

    expect(queries.queries.length).toBeGreaterThan(0);
    expect(unkeyedQueries(queries.queries, uniqueKeysOf([connection]))).toEqual([]);
  });

  it("searches the awarding body's credentials, by learner and by course, through declared indexes", async () => {
    const learnerId = randomUUID();
    const credentialId = await earn(learnerId);
    queries.clear();
    const search = (query: string) =>
      call(credentials.url, 'GET', `/api/credentials/awarding-body/credentials?${query}`, {
        headers: registrar,
      });
    const searches = [
      `learnerId=${learnerId}`,
      `courseId=${course.courseId}`,
      `courseId=${course.courseId}&learnerId=${learnerId}`,
      '',
    ];
    for (const query of searches) {
      const page = await search(query);
      expect(page.status).toBe(200);
      expect(
        (page.body as { items: { credentialId: string }[] }).items.map((item) => item.credentialId),
      ).toContain(credentialId);
    }
    // A paged registrar list: served by the issued credentials' compound indexes on MongoDB (not unique keys).
    expect(queries.queries.map((query) => query.collection)).toContain('issued_credentials');
    expect(unindexedQueries(queries.queries, indexesOf([connection]))).toEqual([]);
  });
  it("makes, lists and downloads a learner's record (CLR 2.0) through declared indexes", async () => {
    const learnerId = randomUUID();
    await earn(learnerId);
    queries.clear();
    const headers = bearer('learner', { sub: learnerId });
    const clr = '/api/credentials/learners/me/clr';
    const body = { awardingBodyId: awardingBody.organisationId };
    const made = await call(credentials.url, 'POST', clr, { headers, body });
    expect(made.status).toBe(201);
    expect((await call(credentials.url, 'POST', clr, { headers, body })).status).toBe(200);
    expect((await call(credentials.url, 'GET', clr, { headers })).status).toBe(200);
    const { credentialId } = (made.body as { record: { credentialId: string } }).record;
    const download = await call(credentials.url, 'GET', `${clr}/${credentialId}/download?format=jwt`, {
      headers,
    });
    expect(download.status).toBe(200);
    expect(queries.queries.map((query) => query.collection)).toContain('learner_records');
    expect(unindexedQueries(queries.queries, indexesOf([connection]))).toEqual([]);
  });
});
