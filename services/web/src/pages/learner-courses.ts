import type { ApiClients } from '../api/client';
import { dataOf } from '../api/client';

const ALL = { query: { pageSize: 200 } };

/** The learner's enrolments, ratified results and credentials, read together (a learner has few of each). */
export async function loadOwnCourses(api: ApiClients) {
  const [enrolments, results, credentials] = await Promise.all([
    dataOf(api.enrolment.GET('/api/enrolment/learners/me/enrolments', { params: ALL })),
    dataOf(api.assessment.GET('/api/assessment/learners/me/results', { params: ALL })),
    dataOf(api.credentials.GET('/api/credentials/learners/me/credentials', { params: ALL })),
  ]);
  return { enrolments, results: results.items, credentials: credentials.items };
}

type Loaded = Awaited<ReturnType<typeof loadOwnCourses>>;
export type OwnEnrolment = Loaded['enrolments']['items'][number];
type RatifiedResult = Loaded['results'][number];

/** Where an enrolment's result stands, as the learner is told it. */
export type ResultStanding =
  | { kind: 'ratified'; passed: boolean; overallMark: number; grade: string; ratifiedAt?: string }
  | { kind: 'awaiting-exam-board' }
  | { kind: 'none'; why: string };

export interface OwnCourse {
  enrolment: OwnEnrolment;
  result: ResultStanding;
  /** Set when a credential was issued for this offering. */
  hasCredential: boolean;
}

/**
 * Each enrolment with its result and credential, joined by offering. Results here are ratified ones only (the API
 * shows a learner nothing else), so an attended course without one is with the exam board, or still on its way.
 */
export function ownCourses({ enrolments, results, credentials }: Loaded): OwnCourse[] {
  const newest = new Map<string, RatifiedResult>();
  for (const result of results) {
    const known = newest.get(result.offeringId);
    if (!known || known.attempt < result.attempt) newest.set(result.offeringId, result);
  }
  const credited = new Set(credentials.map((credential) => credential.offeringId));
  return enrolments.items.map((enrolment) => ({
    enrolment,
    result: standingOf(enrolment, newest.get(enrolment.offeringId)),
    hasCredential: credited.has(enrolment.offeringId),
  }));
}

function standingOf(enrolment: OwnEnrolment, result: RatifiedResult | undefined): ResultStanding {
  if (result) {
    const ratifiedAt = result.versions.find((version) => version.version === result.version)?.ratifiedAt;
    const { passed, overallMark, grade } = result;
    return { kind: 'ratified', passed, overallMark, grade, ...(ratifiedAt ? { ratifiedAt } : {}) };
  }
  if (enrolment.status === 'completed' && enrolment.attendance === 'attended')
    return { kind: 'awaiting-exam-board' };
  if (enrolment.status === 'completed') return { kind: 'none', why: 'None: you did not attend.' };
  if (enrolment.status === 'withdrawn') return { kind: 'none', why: 'None: you withdrew.' };
  return { kind: 'none', why: 'Not yet: results follow the course, once the exam board has ratified them.' };
}
