import { attemptAll } from './all-of';
import { attemptAny } from './any-of';
import type { Note } from './notes';
import { attemptStacked } from './stacked';
import type { CandidateCredential, ModuleSpec, RecognitionRule } from './types';

/** One module's rule tried against the credentials still free. */
export interface Attempt {
  /** The credentials that satisfy the rule, when it is satisfied. */
  chosen?: CandidateCredential[];
  /** Every credential that fully met a criterion, chosen or not: all of them are blocked if the cap is. */
  matched: CandidateCredential[];
  /** The rule as applied when satisfied; why not otherwise. */
  explanation: string;
  /** Near misses (level, credits, part of an all-of rule) for the unused reasons. */
  notes: Note[];
}

export function attemptRule(
  module: ModuleSpec,
  rule: RecognitionRule,
  pool: readonly CandidateCredential[],
): Attempt {
  if (rule.criteria.length === 0)
    return { matched: [], notes: [], explanation: 'its recognition rule has no criteria' };
  switch (rule.combination) {
    case 'any':
      return attemptAny(module, rule.criteria, pool);
    case 'all':
      return attemptAll(module, rule.criteria, pool);
    case 'stacked':
      return attemptStacked(module, rule.criteria, pool);
  }
}
