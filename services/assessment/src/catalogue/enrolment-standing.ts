import type { EnrolmentFact } from './catalogue.schema';

export type Standing = 'unknown' | 'waitlisted' | 'enrolled' | 'withdrawn';

/** A learner's enrolment at an offering, as enrolment events and result versions name it. */
export interface EnrolmentPair {
  offeringId: string;
  learnerId: string;
}

/** Every fact an enrolment event can tell, so a learner's facts are read by their `_id`s. */
export const ENROLMENT_FACTS: readonly EnrolmentFact['fact'][] = [
  'enrolled',
  'waitlisted',
  'promoted',
  'withdrawn',
  'attended',
  'did-not-attend',
];

/**
 * `<offeringId>:<learnerId>:<fact>`: a learner has one enrolment per offering (enrolment's unique key), so a
 * repeated event is a duplicate insert, and a learner's facts are found by key whatever their order.
 */
export function enrolmentFactId(offeringId: string, learnerId: string, fact: EnrolmentFact['fact']): string {
  return `${offeringId}:${learnerId}:${fact}`;
}

/** Where a learner stands on an offering, from the enrolment facts received so far, whatever their order. */
export function standingOf(facts: readonly Pick<EnrolmentFact, 'fact'>[]): Standing {
  const has = (fact: EnrolmentFact['fact']) => facts.some((candidate) => candidate.fact === fact);
  if (has('withdrawn')) return 'withdrawn';
  if (has('enrolled') || has('promoted') || has('attended') || has('did-not-attend')) return 'enrolled';
  if (has('waitlisted')) return 'waitlisted';
  return 'unknown';
}

/** Each learner's standing, from the facts of several learners of one offering. */
export function standingsOf(
  facts: readonly Pick<EnrolmentFact, 'fact' | 'learnerId'>[],
  learnerIds: readonly string[],
): Map<string, Standing> {
  return new Map(
    learnerIds.map((learnerId) => [learnerId, standingOf(facts.filter((f) => f.learnerId === learnerId))]),
  );
}
