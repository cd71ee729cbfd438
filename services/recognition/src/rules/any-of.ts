import type { Attempt } from './combinations';
import { closest, fitOf, impliedCredits, isMatch } from './criteria';
import { shortfallNote, type Note } from './notes';
import { smallestFirst } from './order';
import { credentialWords, criterionWords } from './words';
import type { CandidateCredential, Criterion, ModuleSpec } from './types';

/** One credential meeting any one criterion; the smallest that does, so bigger ones stay free. */
export function attemptAny(
  module: ModuleSpec,
  criteria: readonly Criterion[],
  pool: readonly CandidateCredential[],
): Attempt {
  const words = (criterion: Criterion): string =>
    criterionWords(criterion, module, impliedCredits(criterion, module, 'any'));
  const matched: CandidateCredential[] = [];
  const notes: Note[] = [];
  for (const credential of pool) {
    const fits = criteria.map((criterion) =>
      fitOf(credential, criterion, module, impliedCredits(criterion, module, 'any')),
    );
    if (fits.some(isMatch)) matched.push(credential);
    const note = shortfallNote(credential, closest(fits), module);
    if (note) notes.push(note);
  }
  const chosen = smallestFirst(matched)[0];
  if (!chosen) {
    return { matched, notes, explanation: `no usable credential is a ${criteria.map(words).join(' or a ')}` };
  }
  const criterion = criteria.find((c) => isMatch(fitOf(chosen, c, module, impliedCredits(c, module, 'any'))));
  return {
    chosen: [chosen],
    matched,
    notes,
    explanation: `exempt: ${credentialWords(chosen)} is a ${criterion ? words(criterion) : 'match'}`,
  };
}
