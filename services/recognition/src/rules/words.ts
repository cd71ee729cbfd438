import { requiredLevel } from './criteria';
import type { CandidateCredential, Criterion, Level, ModuleSpec } from './types';

/** Plain-words pieces shared by explanations and needs, so both describe a criterion the same way. */

export const levelName = (level: Level): string => `${level.framework} level ${level.level}`;

/** "level-7" in the module's own framework; other frameworks are named. */
function levelAdjective(level: Level, module: ModuleSpec): string {
  const prefix = level.framework === module.level.framework ? '' : `${level.framework} `;
  return `${prefix}level-${level.level}`;
}

export const credentialWords = (credential: CandidateCredential): string =>
  `${credential.credentialId} "${credential.name}" (${credential.credits} credits, ${levelName(credential.level)})`;

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function qualifiers(criterion: Criterion & { kind: 'properties' }): string[] {
  const outcomes = criterion.outcomes ?? [];
  return [
    criterion.fieldOfStudy === undefined ? '' : `in ${criterion.fieldOfStudy}`,
    outcomes.length === 0 ? '' : `covering ${listWords(outcomes.map((outcome) => `"${outcome}"`))}`,
  ];
}

/** One credential meeting the criterion, e.g. "5-credit level-7 credential in data science". */
export function criterionWords(criterion: Criterion, module: ModuleSpec, implied?: number): string {
  if (criterion.kind === 'achievement') return `credential for achievement ${criterion.achievementId}`;
  const credits = criterion.minimumCredits ?? implied;
  const size = credits === undefined ? '' : `${credits}-credit`;
  const level = levelAdjective(requiredLevel(criterion, module), module);
  return [size, level, 'credential', ...qualifiers(criterion)].filter(Boolean).join(' ');
}

/** Several credentials meeting it, for stacking, e.g. "level-7 credentials in data science". */
export function criterionPluralWords(criterion: Criterion, module: ModuleSpec): string {
  if (criterion.kind === 'achievement') return `credentials for achievement ${criterion.achievementId}`;
  const level = levelAdjective(requiredLevel(criterion, module), module);
  const each =
    criterion.minimumCredits === undefined ? '' : `of at least ${criterion.minimumCredits} credits each`;
  return [level, 'credentials', each, ...qualifiers(criterion)].filter(Boolean).join(' ');
}
