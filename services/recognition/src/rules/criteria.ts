import type { CandidateCredential, Criterion, Level, ModuleSpec, RecognitionRule } from './types';

/** How close one credential comes to one criterion; the closer misses explain why a credential went unused. */
export type Fit =
  | { kind: 'match' }
  | { kind: 'level-too-low'; required: Level }
  | { kind: 'not-enough-credits'; required: number }
  | { kind: 'no-match' };

const CLOSENESS: Record<Fit['kind'], number> = {
  match: 0,
  'level-too-low': 1,
  'not-enough-credits': 2,
  'no-match': 3,
};

/** Case and spacing never decide a match: issuers write outcomes and fields by hand. */
export const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The stricter of the module's level and the criterion's, by EQF; the module's wins a tie (it is the programme's framework). */
export function requiredLevel(criterion: Criterion, module: ModuleSpec): Level {
  const minimum = criterion.kind === 'properties' ? criterion.minimumLevel : undefined;
  return minimum && minimum.eqfLevel > module.level.eqfLevel ? minimum : module.level;
}

/** An any-of rule asks one credential to replace the whole module, so it must be as big as the module. */
export function impliedCredits(
  criterion: Criterion,
  module: ModuleSpec,
  combination: RecognitionRule['combination'],
): number | undefined {
  return criterion.kind === 'properties' && combination === 'any' ? module.credits : undefined;
}

/**
 * An achievement criterion is the programme's explicit mapping, so neither the module's level nor its credits
 * are checked. Level is checked before credits: a bigger credential at the same level would still not do.
 */
export function fitOf(
  credential: CandidateCredential,
  criterion: Criterion,
  module: ModuleSpec,
  implied?: number,
): Fit {
  if (criterion.kind === 'achievement') {
    return credential.achievementId === criterion.achievementId ? { kind: 'match' } : { kind: 'no-match' };
  }
  if (criterion.fieldOfStudy !== undefined) {
    const field = credential.fieldOfStudy;
    if (field === undefined || normalise(field) !== normalise(criterion.fieldOfStudy))
      return { kind: 'no-match' };
  }
  const outcomes = new Set(credential.learningOutcomes.map(normalise));
  if (!(criterion.outcomes ?? []).every((outcome) => outcomes.has(normalise(outcome))))
    return { kind: 'no-match' };
  const level = requiredLevel(criterion, module);
  if (credential.level.eqfLevel < level.eqfLevel) return { kind: 'level-too-low', required: level };
  const credits = criterion.minimumCredits ?? implied ?? 0;
  if (credential.credits < credits) return { kind: 'not-enough-credits', required: credits };
  return { kind: 'match' };
}

export const isMatch = (fit: Fit): boolean => fit.kind === 'match';

/** The closest of several fits (the first on a tie, so criterion order decides). */
export function closest(fits: readonly Fit[]): Fit {
  return fits.reduce<Fit>((best, fit) => (CLOSENESS[fit.kind] < CLOSENESS[best.kind] ? fit : best), {
    kind: 'no-match',
  });
}
