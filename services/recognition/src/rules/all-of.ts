import type { Attempt } from './combinations';
import { closest, fitOf, isMatch } from './criteria';
import { shortfallNote, type Note } from './notes';
import { smallestFirst } from './order';
import { credentialWords, criterionWords, listWords } from './words';
import type { CandidateCredential, Criterion, ModuleSpec } from './types';

/**
 * The most criteria that can each have a different credential (augmenting paths, Kuhn's algorithm): a plain
 * greedy could give the one credential meeting two criteria to the first and leave the second unmet.
 * Criteria and candidates are tried in a fixed order (candidates smallest first), so the answer is deterministic.
 */
export function assignCriteria(
  module: ModuleSpec,
  criteria: readonly Criterion[],
  pool: readonly CandidateCredential[],
): (CandidateCredential | undefined)[] {
  const candidates = criteria.map((criterion) =>
    smallestFirst(pool.filter((credential) => isMatch(fitOf(credential, criterion, module)))),
  );
  const owner = new Map<string, number>();
  const assign = (index: number, seen: Set<string>): boolean => {
    for (const credential of candidates[index] ?? []) {
      if (seen.has(credential.credentialId)) continue;
      seen.add(credential.credentialId);
      const current = owner.get(credential.credentialId);
      if (current === undefined || assign(current, seen)) {
        owner.set(credential.credentialId, index);
        return true;
      }
    }
    return false;
  };
  criteria.forEach((_, index) => assign(index, new Set()));
  const byIndex = new Map([...owner].map(([credentialId, index]) => [index, credentialId]));
  return criteria.map((_, index) =>
    pool.find((credential) => credential.credentialId === byIndex.get(index)),
  );
}

/** Every criterion met, each by a different credential. */
export function attemptAll(
  module: ModuleSpec,
  criteria: readonly Criterion[],
  pool: readonly CandidateCredential[],
): Attempt {
  const notes: Note[] = [];
  const matched: CandidateCredential[] = [];
  for (const credential of pool) {
    const fits = criteria.map((criterion) => fitOf(credential, criterion, module));
    if (fits.some(isMatch)) matched.push(credential);
    const note = shortfallNote(credential, closest(fits), module);
    if (note) notes.push(note);
  }
  const assigned = assignCriteria(module, criteria, pool);
  const unmet = criteria.filter((_, index) => !assigned[index]);
  if (unmet.length > 0) {
    const missing = listWords(unmet.map((criterion) => `a ${criterionWords(criterion, module)}`));
    const partial = matched.map(({ credentialId }) => ({
      credentialId,
      kind: 'partial' as const,
      explanation: `it meets part of the rule of ${module.code}, which also needs ${missing}`,
    }));
    return {
      matched,
      notes: [...notes, ...partial],
      explanation: `not every criterion is met: missing ${missing}`,
    };
  }
  const chosen = assigned.filter((credential) => credential !== undefined);
  const pairs = criteria.flatMap((criterion, index) => {
    const credential = assigned[index];
    return credential ? [`${criterionWords(criterion, module)} by ${credentialWords(credential)}`] : [];
  });
  return {
    chosen,
    matched,
    notes,
    explanation: `exempt: each criterion met by a different credential: ${pairs.join('; ')}`,
  };
}
