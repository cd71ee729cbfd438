import type { Note, NoteKind } from './notes';
import type { UnusedEntry } from './screen';
import type { CandidateCredential, UnusedReason } from './types';

/** Most specific first: only the cap stood in the way, then a miss on level, then on credits. */
const SPECIFICITY: Record<NoteKind, number> = {
  cap: 0,
  level: 1,
  credits: 2,
  partial: 3,
  surplus: 4,
  credited: 5,
};

const REASON: Record<NoteKind, UnusedReason> = {
  cap: 'cap-reached',
  level: 'level-too-low',
  credits: 'not-enough-credits',
  partial: 'no-matching-rule',
  surplus: 'no-matching-rule',
  credited: 'no-matching-rule',
};

/** A credential still free once every module has been considered; on a tie the earliest module's note wins. */
export function leftOver(credential: CandidateCredential, notes: readonly Note[]): UnusedEntry {
  const { credentialId } = credential;
  const best = notes
    .filter((note) => note.credentialId === credentialId)
    .reduce<Note | undefined>(
      (found, note) => (!found || SPECIFICITY[note.kind] < SPECIFICITY[found.kind] ? note : found),
      undefined,
    );
  if (!best)
    return {
      credentialId,
      reason: 'no-matching-rule',
      explanation: "no module's recognition rule matches it",
    };
  return { credentialId, reason: REASON[best.kind], explanation: best.explanation };
}
