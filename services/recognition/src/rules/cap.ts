import type { Note } from './notes';
import { byText } from './order';
import type { CandidateCredential, ModuleSpec } from './types';

/** Where the recognised credits stand: earlier decisions plus this proposal so far. */
export interface CapState {
  cap: number;
  alreadyCredited: number;
  proposed: number;
}

export const creditsAfter = (state: CapState, module: ModuleSpec): number =>
  state.alreadyCredited + state.proposed + module.credits;

export const exceedsCap = (state: CapState, module: ModuleSpec): boolean =>
  creditsAfter(state, module) > state.cap;

export function capExplanation(
  state: CapState,
  module: ModuleSpec,
  chosen: readonly CandidateCredential[],
): string {
  const ids = chosen
    .map((credential) => credential.credentialId)
    .sort(byText)
    .join(', ');
  return `${ids} would meet its rule, but its ${module.credits} credits would take recognised credits to ${creditsAfter(state, module)}, over the cap of ${state.cap}`;
}

export function capNeeds(state: CapState, module: ModuleSpec): string {
  const left = Math.max(0, state.cap - state.alreadyCredited - state.proposed);
  return `room for ${module.credits} credits under the recognition cap of ${state.cap}; ${left} credits are left`;
}

/** Every credential that met the blocked module's rule was held back only by the cap. */
export function capNotes(
  state: CapState,
  module: ModuleSpec,
  matched: readonly CandidateCredential[],
): Note[] {
  return matched.map(({ credentialId }) => ({
    credentialId,
    kind: 'cap',
    explanation: `it meets the rule of ${module.code}, but crediting its ${module.credits} credits would take recognised credits to ${creditsAfter(state, module)}, over the cap of ${state.cap}`,
  }));
}
