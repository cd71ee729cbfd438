import type { ApiClient } from '../chaos/api-client';
import { LEARNERS } from './seed-data';
import type { SeedApi } from './seed-api';
import type { SeededCatalogue, SeededCourse } from './seed-catalogue';

interface Enrolment {
  learnerId: string;
  status: string;
  learner?: { email: string };
}

interface CompletionReport {
  invalid: number;
}

/** Each learner of the seed, with the id enrolment gave them (the `sub` to sign in with as that learner). */
export interface SeededLearner {
  email: string;
  name: string;
  learnerId: string;
}

/**
 * Every learner through every course: enrolled by CSV, attendance recorded (absent where the seed has no mark),
 * marked by the partner's assessor, and the offering ratified by the exam board, so the passes become credentials.
 * Each upload is one the services take again without harm, so a second run only fills in what the first did not.
 */
export async function seedCohorts(seed: SeedApi, catalogue: SeededCatalogue): Promise<SeededLearner[]> {
  const registrar = seed.as('registrar', { org: catalogue.universityId });
  let learners: SeededLearner[] = [];
  for (const [index, course] of catalogue.courses.entries()) {
    const partnerStaff = seed.as('partner', { org: course.partnerId });
    const enrolments = await enrol(seed, partnerStaff, course);
    await recordAttendance(partnerStaff, course, index);
    await recordMarks(seed, seed.as('assessor', { org: course.partnerId }), course, index, enrolments);
    await registrar.post(`/api/assessment/offerings/${course.offeringId}/ratification`, {});
    learners = LEARNERS.map((learner) => ({
      email: learner.email,
      name: `${learner.givenName} ${learner.familyName}`,
      learnerId: enrolments.get(learner.email)!,
    }));
  }
  return learners;
}

/** The CSV of every learner; answers with each learner's id by email. */
async function enrol(
  seed: SeedApi,
  partnerStaff: ApiClient,
  course: SeededCourse,
): Promise<Map<string, string>> {
  const csv = [
    'email,given name,family name',
    ...LEARNERS.map((l) => `${l.email},${l.givenName},${l.familyName}`),
  ].join('\n');
  await partnerStaff.post(`/api/enrolment/offerings/${course.offeringId}/enrolments/bulk`, csv, 'text/csv');
  const enrolments = await seed.all<Enrolment>(
    partnerStaff,
    `/api/enrolment/offerings/${course.offeringId}/enrolments`,
  );
  return new Map(enrolments.map((e) => [e.learner?.email ?? '', e.learnerId]));
}

async function recordAttendance(partnerStaff: ApiClient, course: SeededCourse, index: number): Promise<void> {
  const csv = [
    'email,attendance',
    ...LEARNERS.map((l) => `${l.email},${l.marks[index] === null ? 'did-not-attend' : 'attended'}`),
  ].join('\n');
  const report = await partnerStaff.post<CompletionReport>(
    `/api/enrolment/offerings/${course.offeringId}/completions/bulk`,
    csv,
    'text/csv',
  );
  if (report.invalid > 0) throw new Error(`${course.code}: attendance refused: ${JSON.stringify(report)}`);
}

/**
 * Marks for the learners who attended and have none yet; rows assessment refuses because it has not heard of the
 * enrolment yet are sent again.
 */
async function recordMarks(
  seed: SeedApi,
  assessor: ApiClient,
  course: SeededCourse,
  index: number,
  learnerIds: Map<string, string>,
): Promise<void> {
  const path = `/api/assessment/offerings/${course.offeringId}/results`;
  const marked = new Set(
    (await seed.all<{ learnerId: string }>(assessor, path)).map((result) => result.learnerId),
  );
  const waiting = new Map(
    LEARNERS.flatMap((l) => {
      const id = learnerIds.get(l.email);
      const mark = l.marks[index];
      return id && mark !== null && mark !== undefined && !marked.has(id) ? [[id, mark] as const] : [];
    }),
  );
  await seed.until(`${course.code} marks`, async () => {
    if (waiting.size === 0) return true;
    const csv = ['learnerId,Project', ...[...waiting].map(([id, mark]) => `${id},${mark}`)].join('\n');
    const answer = await assessor.post<{ results: { learnerId: string; result: string }[] }>(
      `${path}/bulk`,
      csv,
      'text/csv',
    );
    for (const row of answer.results) if (row.result === 'recorded') waiting.delete(row.learnerId);
    return waiting.size === 0;
  });
}
