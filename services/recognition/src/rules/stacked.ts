import type { Attempt } from './combinations';
import { fitOf, isMatch } from './criteria';
import { shortfallNote, type Note } from './notes';
import { largestFirst, smallestFirst } from './order';
import { criterionPluralWords } from './words';
import type { CandidateCredential, Criterion, ModuleSpec } from './types';

const total = (credentials: readonly CandidateCredential[]): number =>
  credentials.reduce((sum, credential) => sum + credential.credits, 0);

/**
 * Largest first while no single credential covers what is left, then the smallest that does: as few
 * credentials as taking the largest each time, with the least spare credit on the last one.
 */
export function pickStack(
  matching: readonly CandidateCredential[],
  target: number,
): CandidateCredential[] | undefined {
  if (total(matching) < target) return undefined;
  const picked: CandidateCredential[] = [];
  let remaining = largestFirst(matching);
  let needed = target;
  while (needed > 0) {
    const last = smallestFirst(remaining).find((credential) => credential.credits >= needed);
    const next = last ?? remaining[0];
    if (!next) return undefined;
    picked.push(next);
    needed -= next.credits;
    remaining = remaining.filter((credential) => credential !== next);
  }
  return picked;
}

/** Credentials meeting the first criterion whose credits add up to the module's. */
export function attemptStacked(
  module: ModuleSpec,
  criteria: readonly Criterion[],
  pool: readonly CandidateCredential[],
): Attempt {
  const [criterion] = criteria;
  if (!criterion) return { matched: [], notes: [], explanation: 'its recognition rule has no criteria' };
  const notes: Note[] = [];
  const matched: CandidateCredential[] = [];
  for (const credential of pool) {
    const fit = fitOf(credential, criterion, module);
    if (isMatch(fit)) matched.push(credential);
    const note = shortfallNote(credential, fit, module);
    if (note) notes.push(note);
  }
  const words = criterionPluralWords(criterion, module);
  const chosen = pickStack(matched, module.credits);
  if (!chosen) {
    const sum = total(matched);
    const short = matched.map(({ credentialId }) => ({
      credentialId,
      kind: 'credits' as const,
      explanation: `${module.code} needs ${module.credits} credits of ${words}, and yours add up to only ${sum}`,
    }));
    return {
      matched,
      notes: [...notes, ...short],
      explanation: `your ${words} add up to ${sum} of the ${module.credits} credits needed`,
    };
  }
  const parts = chosen.map((credential) => `${credential.credentialId} (${credential.credits})`).join(', ');
  return {
    chosen,
    matched,
    notes,
    explanation: `exempt: ${words} stacked: ${parts}, ${total(chosen)} credits for the module's ${module.credits}`,
  };
}
