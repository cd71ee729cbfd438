import type { Fit } from './criteria';
import { levelName } from './words';
import type { CandidateCredential, ModuleSpec } from './types';

/**
 * What happened to a credential while a module was considered. A credential that ends unused takes the most
 * specific of its notes as its reason, so the learner hears the nearest miss rather than "no rule matched".
 */
export type NoteKind = 'cap' | 'level' | 'credits' | 'partial' | 'surplus' | 'credited';

export interface Note {
  credentialId: string;
  kind: NoteKind;
  explanation: string;
}

/** A note for a credential that came close to a module's criterion but missed on level or credits. */
export function shortfallNote(
  credential: CandidateCredential,
  fit: Fit,
  module: ModuleSpec,
): Note | undefined {
  const { credentialId } = credential;
  switch (fit.kind) {
    case 'level-too-low':
      return {
        credentialId,
        kind: 'level',
        explanation: `it is at ${levelName(credential.level)}, below the ${levelName(fit.required)} that ${module.code} needs`,
      };
    case 'not-enough-credits':
      return {
        credentialId,
        kind: 'credits',
        explanation: `its ${credential.credits} credits are fewer than the ${fit.required} that ${module.code} needs`,
      };
    case 'match':
    case 'no-match':
      return undefined;
  }
}

/** Credentials that met a module's rule which other credentials, or an earlier decision, already satisfy. */
export function spareNotes(
  credentials: readonly CandidateCredential[],
  module: ModuleSpec,
  satisfiedBy: readonly string[] | 'credited',
): Note[] {
  const explanation =
    satisfiedBy === 'credited'
      ? `it meets the rule of ${module.code}, but ${module.code} is already credited`
      : `it meets the rule of ${module.code}, but ${satisfiedBy.join(', ')} already met it`;
  return credentials.map(({ credentialId }) => ({
    credentialId,
    kind: satisfiedBy === 'credited' ? 'credited' : 'surplus',
    explanation,
  }));
}
