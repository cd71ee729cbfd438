import { randomUUID } from 'node:crypto';
import { enrolmentCompletedV1 } from '@lib/contracts';
import { call, EventRecorder, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { ok, setUpUniversity } from '../../spec-support/university';
import { enrolmentService } from './enrolment.definition';

/** Completions from CSV record what single completion calls would, once per enrolment, with a result per row. */
describe('bulk completion from CSV', () => {
  const prefix = testTopicPrefix();
  const events = new EventRecorder(prefix);
  let enrolment: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    await events.start();
  });

  afterAll(async () => {
    await events.stop();
    await enrolment.stop();
  });

  it('completes valid rows once, reports duplicate, unknown and invalid rows, and a re-upload changes nothing', async () => {
    const uni = await setUpUniversity(enrolment.url, 3);
    const tag = randomUUID().slice(0, 8);
    const emails = [0, 1, 2, 3].map((n) => `done-${n}-${tag}@nhs.example`);
    const enrolled = await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments/bulk`, {
        headers: uni.partner,
        csv: emails.map((email, n) => `${email},Given${n},Family`).join('\n'),
      }),
    );
    const [a, b, c, waiting] = enrolled.results.map((row: any) => row.enrolmentId as string);
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/enrolments/${c}/completion`, {
        headers: uni.partner,
        body: { attendance: 'attended' },
      }),
    );
    const unknown = randomUUID();
    const csv = [
      'enrolmentId,attendance',
      `${a},attended`,
      `${emails[1]!.toUpperCase()},did-not-attend`,
      `${a},did-not-attend`,
      `${c},attended`,
      `${unknown},attended`,
      `${waiting},attended`,
      `${a},present`,
      'not-an-id,attended',
      `${b}`,
    ].join('\r\n');
    const path = `/api/enrolment/offerings/${uni.offeringId}/completions/bulk`;

    const report = await ok(call(enrolment.url, 'POST', path, { headers: uni.partner, csv }));
    expect(report).toMatchObject({
      offeringId: uni.offeringId,
      rows: 9,
      completed: 2,
      duplicate: 2,
      invalid: 5,
    });
    expect(report.results.map((row: any) => [row.line, row.result, row.enrolmentId, row.reason])).toEqual([
      [2, 'completed', a, undefined],
      [3, 'completed', b, undefined],
      [4, 'duplicate', a, 'repeats line 2'],
      [5, 'duplicate', c, 'completion is recorded already'],
      [6, 'invalid', unknown, 'no such enrolment on this offering'],
      [7, 'invalid', waiting, 'only an enrolled learner can complete; this enrolment is waitlisted'],
      [8, 'invalid', a, 'attendance: expected attended or did-not-attend'],
      [9, 'invalid', 'not-an-id', 'enrolmentId: expected an enrolment id (a UUID) or a learner email'],
      [10, 'invalid', b, 'expected 2 values (enrolmentId or email, attendance), found 1'],
    ]);
    expect(report.results[1]).toMatchObject({ email: emails[1] });

    const shown = await ok(
      call(enrolment.url, 'GET', `/api/enrolment/enrolments/${b}`, { headers: uni.partner }),
    );
    expect(shown).toMatchObject({ status: 'completed', attendance: 'did-not-attend' });
    const again = await ok(call(enrolment.url, 'POST', path, { headers: uni.partner, csv }));
    expect(again).toMatchObject({ rows: 9, completed: 0, duplicate: 4, invalid: 5 });

    const ofOffering = (data: any) => data.offeringId === uni.offeringId;
    const completed = await events.waitFor(enrolmentCompletedV1.topic, ofOffering, 3);
    await new Promise((settle) => setTimeout(settle, 2000));
    const once = events.find(enrolmentCompletedV1.topic, ofOffering);
    expect(once.map((event) => event.envelope.data.enrolmentId).sort()).toEqual([a, b, c].sort());
    expect(completed.every((event) => event.valid)).toBe(true);
    expect(once.find((event) => event.envelope.data.enrolmentId === b)!.envelope.data).toMatchObject({
      learnerId: shown.learnerId,
      attendance: 'did-not-attend',
      courseId: uni.courseId,
      deliveringOrganisationId: uni.partnerId,
      awardingBodyId: uni.awardingBodyId,
    });
  });

  it('answers 404 and records nothing for staff of another organisation, and 415 for a body that is not CSV', async () => {
    const uni = await setUpUniversity(enrolment.url, 3);
    const other = await setUpUniversity(enrolment.url, 3);
    const path = `/api/enrolment/offerings/${uni.offeringId}/completions/bulk`;
    const stranger = await call(enrolment.url, 'POST', path, {
      headers: other.partner,
      csv: `${randomUUID()},attended`,
    });
    expect(stranger.status).toBe(404);
    const json = await call(enrolment.url, 'POST', path, { headers: uni.partner, body: { rows: [] } });
    expect(json.status).toBe(415);
    const unreadable = await call(enrolment.url, 'POST', path, { headers: uni.partner, csv: 'a,"open' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.errors).toEqual([{ field: 'csv', message: expect.stringContaining('line 1') }]);
  });
});
