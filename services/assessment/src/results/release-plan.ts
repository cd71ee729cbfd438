import type { EnrolmentFact } from '../catalogue/catalogue.schema';
import { type EnrolmentPair, standingOf } from '../catalogue/enrolment-standing';
import type { ResultVersion } from './result.schema';

const keyOf = ({ offeringId, learnerId }: EnrolmentPair): string => `${offeringId}:${learnerId}`;

/** Each enrolment once, in the order first named, so a batch reads each learner's records once. */
export function distinctEnrolments(pairs: readonly EnrolmentPair[]): EnrolmentPair[] {
  const byKey = new Map<string, EnrolmentPair>();
  for (const { offeringId, learnerId } of pairs) {
    const key = keyOf({ offeringId, learnerId });
    if (!byKey.has(key)) byKey.set(key, { offeringId, learnerId });
  }
  return [...byKey.values()];
}

/**
 * The waiting versions to announce now, in the order given: those whose learner is enrolled at the version's own
 * offering by the facts read (facts of several enrolments may be mixed; each version is judged by its own).
 */
export function dueForRelease(
  waiting: readonly ResultVersion[],
  facts: readonly Pick<EnrolmentFact, 'offeringId' | 'learnerId' | 'fact'>[],
): ResultVersion[] {
  const factsByEnrolment = new Map<string, Pick<EnrolmentFact, 'fact'>[]>();
  for (const fact of facts) {
    factsByEnrolment.set(keyOf(fact), [...(factsByEnrolment.get(keyOf(fact)) ?? []), fact]);
  }
  return waiting.filter((version) => standingOf(factsByEnrolment.get(keyOf(version)) ?? []) === 'enrolled');
}
