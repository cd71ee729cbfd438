import {
  bearer,
  call,
  type QueryRecorder,
  recordQueries,
  type RunningService,
  startTestService,
  testTopicPrefix,
  uniqueKeysOf,
  unkeyedQueries,
} from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { learner, offeringBody, ok, setUpUniversity, type University } from '../../spec-support/university';
import { enrolmentService } from './enrolment.definition';

/**
 * Every per-request path of the enrolment service reads and writes by `_id` or a unique key: the development
 * database scans for anything else, so a path that does not grows slower with every enrolment recorded.
 */
describe('enrolment hot paths', () => {
  let enrolment: RunningService;
  let recorder: QueryRecorder;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: testTopicPrefix() });
    recorder = recordQueries();
  });

  afterAll(async () => {
    recorder.stop();
    await enrolment.stop();
  });

  const api = (uni: University, method: 'GET' | 'POST', path: string, body?: unknown) =>
    ok(call(enrolment.url, method, `/api/enrolment${path}`, { headers: uni.partner, body }));

  it('enrols, withdraws, completes and lists by key', async () => {
    const uni = await setUpUniversity(enrolment.url, 2);
    const other = await setUpUniversity(enrolment.url, 2);
    await api(other, 'POST', `/offerings/${other.offeringId}/enrolments`, { learner: learner('elsewhere') });
    recorder.clear();

    const registered = learner('registered');
    const { learnerId } = await api(uni, 'POST', '/learners', registered);
    const enrolPath = `/offerings/${uni.offeringId}/enrolments`;
    const first = await api(uni, 'POST', enrolPath, { learnerId });
    const second = await api(uni, 'POST', enrolPath, { learner: learner('second') });
    const waiting = await api(uni, 'POST', enrolPath, { learner: learner('waiting') });
    const csv = [learner('bulk-1').email, learner('bulk-2').email].map((email) => `${email},Bulk,Row`);
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment${enrolPath}/bulk`, {
        headers: uni.partner,
        csv: csv.join('\n'),
      }),
    );
    expect(await api(uni, 'GET', `/enrolments/${waiting.id}`)).toMatchObject({ waitlistPosition: 1 });
    await api(uni, 'POST', `/enrolments/${first.id}/completion`, { attendance: 'attended' });
    await api(uni, 'POST', `/enrolments/${second.id}/withdrawal`, {});
    expect(await api(uni, 'GET', `/enrolments/${waiting.id}`)).toMatchObject({ status: 'enrolled' });
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/completions/bulk`, {
        headers: uni.partner,
        csv: [`${waiting.id},attended`, `${csv[0]!.split(',')[0]!},attended`].join('\n'),
      }),
    );
    await api(uni, 'GET', `${enrolPath}?pageSize=2`);

    // The same person enrolled by another organisation too: their list names each course, run and organisation.
    const elsewhere = await api(other, 'POST', `/offerings/${other.offeringId}/enrolments`, {
      learner: registered,
    });
    const self = { headers: bearer('learner', { sub: learnerId }) };
    await ok(call(enrolment.url, 'GET', '/api/enrolment/learners/me', self));
    const own = await ok(call(enrolment.url, 'GET', '/api/enrolment/learners/me/enrolments', self));
    const course = (uni: University) => api(uni, 'GET', `/courses/${uni.courseId}`);
    const recognisable = async (uni: University) => ({
      course: { id: uni.courseId, code: (await course(uni)).code, title: 'App building in a day' },
      offering: {
        startDate: '2026-12-01',
        endDate: '2026-12-01',
        mode: 'in-person',
        location: 'Leeds General Infirmary',
      },
      awardingBody: { id: uni.awardingBodyId, name: expect.stringMatching(/^University /) },
      deliveringPartner: { id: uni.partnerId, name: expect.stringMatching(/^Code4Health /) },
    });
    expect(own.items).toEqual([
      expect.objectContaining({
        id: elsewhere.id,
        learnerId,
        status: 'enrolled',
        ...(await recognisable(other)),
      }),
      expect.objectContaining({
        id: first.id,
        status: 'completed',
        attendance: 'attended',
        completedAt: expect.any(String),
        ...(await recognisable(uni)),
      }),
    ]);
    expect(own.items[0].learner).toBeUndefined();
    await ok(call(enrolment.url, 'GET', `/api/enrolment/enrolments/${first.id}`, self));
    await ok(call(enrolment.url, 'GET', `/api/enrolment/learners/${learnerId}`, { headers: uni.registrar }));

    const offering = await api(uni, 'POST', '/offerings', offeringBody(uni.courseId, uni.partnerId));
    await api(uni, 'POST', `/offerings/${offering.id}/publish`);
    await api(uni, 'GET', `/offerings/${offering.id}`);
    await api(uni, 'GET', `/courses/${uni.courseId}`);

    const connection = enrolment.app.get<Connection>(getConnectionToken());
    expect(unkeyedQueries(recorder.queries, uniqueKeysOf([connection]))).toEqual([]);
  });
});
