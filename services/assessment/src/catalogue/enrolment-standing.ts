import type { EnrolmentFact } from './catalogue.schema';

export type Standing = 'unknown' | 'waitlisted' | 'enrolled' | 'withdrawn';

/** Where a learner stands on an offering, from the enrolment facts received so far, whatever their order. */
export function standingOf(facts: readonly Pick<EnrolmentFact, 'fact'>[]): Standing {
  const has = (fact: EnrolmentFact['fact']) => facts.some((candidate) => candidate.fact === fact);
  if (has('withdrawn')) return 'withdrawn';
  if (has('enrolled') || has('promoted') || has('attended') || has('did-not-attend')) return 'enrolled';
  if (has('waitlisted')) return 'waitlisted';
  return 'unknown';
}
