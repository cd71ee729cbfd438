import type { DevIdentityProvider } from '@lib/auth';
import { benchOffering } from '../bench/bench-stack';
import { ApiClient, ApiError } from './api-client';

/** One cohort's offering and the learners the driver enrolled on it. */
export interface DrivenCohort {
  offeringId: string;
  learnerIds: string[];
}

export interface DriverOptions {
  gatewayUrl: string;
  learners: number;
  deadline: number;
  log: (line: string) => void;
  /** Transient failures retried, by status. */
  retried: Map<string, number>;
  /** Mints the admin's and registrar's tokens; the development identity provider `make up` trusts if left out. */
  identityProvider?: DevIdentityProvider;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Repeats `attempt` until `finished` says its answer is the end state (a 4xx it names as "done" counts too). */
async function until<T>(
  deadline: number,
  what: string,
  attempt: () => Promise<T>,
  finished: (answer: T) => boolean,
  doneWhen: (error: ApiError) => boolean = () => false,
): Promise<void> {
  for (;;) {
    let last: string;
    try {
      const answer = await attempt();
      if (finished(answer)) return;
      last = JSON.stringify(answer).slice(0, 300);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (doneWhen(error)) return;
      last = error.message;
    }
    if (Date.now() > deadline) throw new Error(`${what} did not finish in time; last answer: ${last}`);
    await sleep(1000);
  }
}

/** A fresh awarding body, course, offering, scheme and achievement; the whole set-up again if a fault cut it short. */
async function setUp(options: DriverOptions) {
  for (;;) {
    try {
      const offering = await benchOffering(options.gatewayUrl, options.learners, options.identityProvider);
      const api = new ApiClient(options.gatewayUrl, offering.registrar, options.deadline, options.retried);
      const scheme = {
        courseId: offering.courseId,
        components: [{ name: 'Project', weight: 100, passMark: 40 }],
        overallPassMark: 40,
        maxAttempts: 2,
      };
      // 404 until the course has reached the service; 409 when an earlier attempt's answer was lost.
      const known = (error: ApiError) => error.status === 409;
      const always = () => true;
      await until(
        options.deadline,
        'the scheme',
        () => api.post('/api/assessment/schemes', scheme),
        always,
        known,
      );
      const achievement = { courseId: offering.courseId, criteria: 'Attend and pass.' };
      await until(
        options.deadline,
        'the achievement',
        () => api.post('/api/credentials/achievements', achievement),
        always,
        known,
      );
      return { ...offering, api };
    } catch (error) {
      if (Date.now() > options.deadline) throw error;
      options.log(`driver: set-up failed (${(error as Error).message.slice(0, 200)}); starting it again`);
      await sleep(2000);
    }
  }
}

interface CompletionReport {
  completed: number;
  duplicate: number;
  invalid: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

async function enrolmentsOf(api: ApiClient, offeringId: string): Promise<{ learnerId: string }[]> {
  const all: { learnerId: string }[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get<Page<{ learnerId: string }>>(
      `/api/enrolment/offerings/${offeringId}/enrolments?page=${page}&pageSize=200`,
    );
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

/**
 * One cohort along the registrar's path through the public API: CSV enrolment, CSV completions, CSV marks, the
 * offering's ratification. Each step is repeated until its end state holds, which is safe because each is
 * idempotent: the same enrolment CSV again enrols nobody twice, a completion recorded already is a duplicate, marks
 * of a provisional result make a new version, and ratification takes only what is not ratified yet.
 */
export async function driveCohort(options: DriverOptions): Promise<DrivenCohort> {
  const { api, offeringId, tag } = await setUp(options);
  const { deadline, learners } = options;
  const emails = Array.from({ length: learners }, (_, n) => `chaos-${n}-${tag}@nhs.example`);
  const enrolCsv = ['email,given name,family name', ...emails.map((e, n) => `${e},Given${n},Chaos`)].join(
    '\n',
  );
  const base = `/api/enrolment/offerings/${offeringId}`;
  let enrolled: { learnerId: string }[] = [];
  await until(
    deadline,
    'bulk enrolment',
    async () => {
      await api.post(`${base}/enrolments/bulk`, enrolCsv, 'text/csv');
      enrolled = await enrolmentsOf(api, offeringId);
      return enrolled.length;
    },
    (count) => count === learners,
  );
  const completionCsv = ['email,attendance', ...emails.map((e) => `${e},attended`)].join('\n');
  await until(
    deadline,
    'bulk completion',
    async () => {
      const report = await api.post<CompletionReport>(`${base}/completions/bulk`, completionCsv, 'text/csv');
      // What each upload answered, so a learner lost later can be traced to the step that took them.
      options.log(
        `driver: offering ${offeringId} completions: ${report.completed} completed, ${report.duplicate} duplicate, ${report.invalid} invalid`,
      );
      return report;
    },
    (report) => report.invalid === 0,
  );
  await recordMarks(api, offeringId, enrolled, deadline);
  await until(
    deadline,
    'ratification',
    () => api.post<{ skipped: unknown[] }>(`/api/assessment/offerings/${offeringId}/ratification`, {}),
    (answer) => answer.skipped.length === 0,
  );
  return { offeringId, learnerIds: enrolled.map((e) => e.learnerId) };
}

/** Marks for every learner; rows refused because assessment has not heard of the enrolment yet go again. */
async function recordMarks(
  api: ApiClient,
  offeringId: string,
  enrolled: { learnerId: string }[],
  deadline: number,
): Promise<void> {
  const waiting = new Set(enrolled.map((e) => e.learnerId));
  const path = `/api/assessment/offerings/${offeringId}/results/bulk`;
  await until(
    deadline,
    'bulk marks',
    async () => {
      const csv = ['learnerId,Project', ...[...waiting].map((id, n) => `${id},${50 + (n % 50)}`)].join('\n');
      const answer = await api.post<{ results: { learnerId: string; result: string }[] }>(
        path,
        csv,
        'text/csv',
      );
      for (const row of answer.results) if (row.result === 'recorded') waiting.delete(row.learnerId);
      return waiting.size;
    },
    (left) => left === 0,
  );
}
