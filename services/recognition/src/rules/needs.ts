import { assignCriteria } from './all-of';
import { fitOf, impliedCredits, isMatch } from './criteria';
import { criterionPluralWords, criterionWords, listWords } from './words';
import type { CandidateCredential, ModuleSpec } from './types';

/**
 * What a module not credited would still need, in plain words, given the credentials still free when it was
 * considered; undefined when no credential could help (not eligible, no rule) or nothing is missing.
 */
export function needsOf(module: ModuleSpec, available: readonly CandidateCredential[]): string | undefined {
  const rule = module.eligible ? module.rule : undefined;
  if (!rule || rule.criteria.length === 0) return undefined;
  switch (rule.combination) {
    case 'any':
      return rule.criteria
        .map(
          (criterion) => `one ${criterionWords(criterion, module, impliedCredits(criterion, module, 'any'))}`,
        )
        .join(', or ');
    case 'all': {
      const assigned = assignCriteria(module, rule.criteria, available);
      const unmet = rule.criteria.filter((_, index) => !assigned[index]);
      if (unmet.length === 0) return undefined;
      const count = unmet.length < rule.criteria.length ? 'one more' : 'one';
      return listWords(unmet.map((criterion) => `${count} ${criterionWords(criterion, module)}`));
    }
    case 'stacked': {
      const [criterion] = rule.criteria;
      if (!criterion) return undefined;
      const credits = available
        .filter((credential) => isMatch(fitOf(credential, criterion, module)))
        .reduce((sum, credential) => sum + credential.credits, 0);
      const short = module.credits - credits;
      return short > 0 ? `${short} more credits of ${criterionPluralWords(criterion, module)}` : undefined;
    }
  }
}
