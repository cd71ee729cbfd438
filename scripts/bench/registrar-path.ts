/**
 * The path a registrar takes for a cohort, timed end to end through the gateway of a running stack (`make up`):
 *   npm run -s bench:registrar-path [-- --learners 5000 --single-completions]
 * A CSV enrolment of every learner, one CSV of every learner's completion (with --single-completions the partner's
 * call per learner instead, 16 at a time, for comparison), one CSV of marks, the exam board's ratification of the
 * offering, then the wait until every credential is issued (watched on Kafka as a consumer would). The offering,
 * course, scheme and achievement are set up before the clock starts. It prints times per step and per process; it
 * asserts nothing.
 */
import { parseArgs } from 'node:util';
import { mapConcurrently } from '@lib/persistence';
import { benchOffering, machine, post, untilOk } from './bench-stack';
import { IssuedWatcher } from './issued-watcher';
import { ProcessSampler, usageLines } from './process-sampler';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '5000' },
    url: { type: 'string', default: 'http://localhost:3000' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    pids: { type: 'string', default: '.run/dev/pids' },
    'single-completions': { type: 'boolean', default: false },
  },
});
const learners = Number(values.learners);
const base = values.url;

interface Enrolment {
  id: string;
  learnerId: string;
}

async function get<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The offering's enrolments, through the staff list a page at a time. */
async function enrolmentsOf(offeringId: string, token: string): Promise<Enrolment[]> {
  const all: Enrolment[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await get<{ items: Enrolment[]; total: number }>(
      `/api/enrolment/offerings/${offeringId}/enrolments?page=${page}&pageSize=200`,
      token,
    );
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

async function setUp() {
  const offering = await benchOffering(base, learners);
  const scheme = {
    courseId: offering.courseId,
    components: [{ name: 'Project', weight: 100, passMark: 40 }],
    overallPassMark: 40,
    maxAttempts: 2,
  };
  await untilOk('defining the scheme', () =>
    post(base, '/api/assessment/schemes', offering.registrar, scheme),
  );
  await untilOk('defining the achievement', () =>
    post(base, '/api/credentials/achievements', offering.registrar, {
      courseId: offering.courseId,
      criteria: 'Attend and pass.',
    }),
  );
  return offering;
}

async function main(): Promise<void> {
  const offering = await setUp();
  const { registrar, offeringId, tag } = offering;
  const watcher = new IssuedWatcher(values.brokers, offeringId);
  await watcher.start();
  const sampler = new ProcessSampler(values.pids);
  sampler.start();
  const steps: [string, number][] = [];
  let clock = Date.now();
  const started = clock;
  const step = (name: string): void => {
    steps.push([name, Date.now() - clock]);
    clock = Date.now();
  };

  const csv = [
    'email,given name,family name',
    ...Array.from({ length: learners }, (_, n) => `cohort-${n}-${tag}@nhs.example,Given${n},Family${n}`),
  ].join('\n');
  const enrolled = await post(
    base,
    `/api/enrolment/offerings/${offeringId}/enrolments/bulk`,
    registrar,
    csv,
    'text/csv',
  );
  step(`bulk enrolment (${enrolled.enrolled} enrolled)`);
  const enrolments = await enrolmentsOf(offeringId, registrar);
  step(`staff list of ${enrolments.length} enrolments`);
  step(await complete(offeringId, registrar, enrolments));
  const marks = ['learnerId,Project', ...enrolments.map((e, n) => `${e.learnerId},${50 + (n % 50)}`)].join(
    '\n',
  );
  const recorded = await untilAllRecorded(offeringId, registrar, marks, enrolments.length);
  step(`bulk marks (${recorded} recorded)`);
  const ratified = await post(base, `/api/assessment/offerings/${offeringId}/ratification`, registrar, {});
  step(`offering ratification (${JSON.stringify(ratified)})`);
  await watcher.until(enrolments.length, 15 * 60000);
  step(`until the last of ${enrolments.length} credentials was issued`);
  const usage = sampler.stop();
  await watcher.stop();

  console.log(machine());
  console.log(
    `registrar path for ${learners} learners: ${((Date.now() - started) / 1000).toFixed(1)} s end to end`,
  );
  for (const [name, ms] of steps) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.log('per process during the run:');
  for (const line of usageLines(usage)) console.log(line);
}

/** Records every learner's attendance: one CSV upload, or one call per learner (16 at a time); names the step. */
async function complete(offeringId: string, token: string, enrolments: Enrolment[]): Promise<string> {
  if (values['single-completions']) {
    await mapConcurrently(enrolments, 16, (enrolment) =>
      post(base, `/api/enrolment/enrolments/${enrolment.id}/completion`, token, { attendance: 'attended' }),
    );
    return `${enrolments.length} completions, 16 at a time`;
  }
  const csv = ['enrolmentId,attendance', ...enrolments.map((e) => `${e.id},attended`)].join('\n');
  const report = (await post(
    base,
    `/api/enrolment/offerings/${offeringId}/completions/bulk`,
    token,
    csv,
    'text/csv',
  )) as unknown as { completed: number };
  return `bulk completion of ${enrolments.length} (${report.completed} completed)`;
}

/** Marks are taken only for learners assessment knows as enrolled; sends again for rows refused meanwhile. */
async function untilAllRecorded(
  offeringId: string,
  token: string,
  csv: string,
  expected: number,
): Promise<number> {
  const deadline = Date.now() + 5 * 60000;
  for (;;) {
    const answer = (await post(
      base,
      `/api/assessment/offerings/${offeringId}/results/bulk`,
      token,
      csv,
      'text/csv',
    )) as unknown as {
      recorded: number;
      rows: number;
    };
    const results = await get<{ total: number }>(
      `/api/assessment/offerings/${offeringId}/results?pageSize=1`,
      token,
    );
    if (results.total >= expected || Date.now() > deadline) return answer.recorded;
    await new Promise((done) => setTimeout(done, 1000));
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
