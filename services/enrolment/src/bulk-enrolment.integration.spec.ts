import { call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { ok, setUpUniversity } from '../../spec-support/university';
import { enrolmentService } from './enrolment.definition';

/** A 5,000-row CSV enrolment: a result per row, and uploading it again changes nothing. */
describe('bulk enrolment from CSV', () => {
  let enrolment: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: testTopicPrefix() });
  });

  afterAll(() => enrolment.stop());

  it('enrols 5,000 rows in file order, seats up to capacity, and reports every row; a re-upload is a no-op', async () => {
    const uni = await setUpUniversity(enrolment.url, 4000);
    const tag = Date.now().toString(36);
    const rows = Array.from(
      { length: 5000 },
      (_, n) => `bulk-${n}-${tag}@nhs.example,Given ${n},"Family, ${n}"`,
    );
    const csv = ['learner email,given name,family name', ...rows].join('\r\n');
    const path = `/api/enrolment/offerings/${uni.offeringId}/enrolments/bulk`;

    const started = Date.now();
    const first = await ok(call(enrolment.url, 'POST', path, { headers: uni.partner, csv }));
    console.log(`5,000-row bulk enrolment took ${Date.now() - started} ms`);
    expect(first).toMatchObject({ rows: 5000, enrolled: 4000, waitlisted: 1000, duplicate: 0, invalid: 0 });
    expect(first.results[0]).toMatchObject({
      line: 2,
      email: `bulk-0-${tag}@nhs.example`,
      result: 'enrolled',
    });
    expect(first.results[4000]).toMatchObject({ line: 4002, result: 'waitlisted' });

    const list = await ok(
      call(
        enrolment.url,
        'GET',
        `/api/enrolment/offerings/${uni.offeringId}/enrolments?page=21&pageSize=200`,
        { headers: uni.partner },
      ),
    );
    expect(list.items[0]).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      learner: { email: `bulk-4000-${tag}@nhs.example`, familyName: 'Family, 4000' },
    });

    const again = await ok(call(enrolment.url, 'POST', path, { headers: uni.partner, csv }));
    expect(again).toMatchObject({ rows: 5000, enrolled: 0, waitlisted: 0, duplicate: 5000, invalid: 0 });
    const after = await ok(
      call(enrolment.url, 'GET', `/api/enrolment/offerings/${uni.offeringId}/enrolments?pageSize=1`, {
        headers: uni.partner,
      }),
    );
    expect(after.total).toBe(5000);
    // A hang guard, not a speed check (docs/benchmarks.md has the timings): two 5,000-row uploads run beside other
    // specs on CI's shared database and took over a minute there.
  }, 240_000);

  it('reports invalid and repeated rows one by one and enrols the rest', async () => {
    const uni = await setUpUniversity(enrolment.url, 10);
    const csv = [
      'ok-1@nhs.example,Ada,Lovelace',
      'not-an-email,Bad,Row',
      'ok-2@nhs.example,Only two cells',
      'OK-1@nhs.example,Ada,Again',
      'ok-3@nhs.example,,Blank',
    ].join('\n');
    const report = await ok(
      call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments/bulk`, {
        headers: uni.partner,
        csv,
      }),
    );
    expect(report).toMatchObject({ rows: 5, enrolled: 1, waitlisted: 0, duplicate: 1, invalid: 3 });
    expect(report.results.map((row: any) => [row.line, row.result, row.reason])).toEqual([
      [1, 'enrolled', undefined],
      [2, 'invalid', 'email: Invalid email address'],
      [3, 'invalid', 'expected 3 values (email, given name, family name), found 2'],
      [4, 'duplicate', 'repeats line 1'],
      [5, 'invalid', 'givenName: Too small: expected string to have >=1 characters'],
    ]);
  });
});
