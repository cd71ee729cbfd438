import type { EnrolmentFacts } from './enrolments.repository';

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'withdrawn' | 'completed' | 'pending';

/** Where an enrolment stands, from its records: withdrawn and completed are final. */
export function statusOf(enrolmentId: string, facts: EnrolmentFacts): EnrolmentStatus {
  if (facts.withdrawals.has(enrolmentId)) return 'withdrawn';
  if (facts.completions.has(enrolmentId)) return 'completed';
  if (facts.claims.has(enrolmentId)) return 'enrolled';
  if (facts.waitlisted.has(enrolmentId)) return 'waitlisted';
  return 'pending';
}
