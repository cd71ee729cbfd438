import type { paths as AssessmentPaths } from '../api/generated/assessment';
import type { paths as CredentialsPaths } from '../api/generated/credentials';
import type { paths as EnrolmentPaths } from '../api/generated/enrolment';

// Pure: the page loads (learner-courses-page.tsx); this joins, so a unit spec can run it without a browser.

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type OwnEnrolmentsPage = Answer<EnrolmentPaths['/api/enrolment/learners/me/enrolments']['get']>;
type OwnResultsPage = Answer<AssessmentPaths['/api/assessment/learners/me/results']['get']>;
type OwnCredentialsPage = Answer<CredentialsPaths['/api/credentials/learners/me/credentials']['get']>;

/** What the page loads: the learner's enrolments (a page), ratified results and credentials. */
export interface Loaded {
  enrolments: OwnEnrolmentsPage;
  results: OwnResultsPage['items'];
  credentials: OwnCredentialsPage['items'];
}
export type OwnEnrolment = OwnEnrolmentsPage['items'][number];
type RatifiedResult = OwnResultsPage['items'][number];

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
