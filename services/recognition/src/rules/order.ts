import type { CandidateCredential, ModuleSpec } from './types';

/** Code-point order: localeCompare would make the outcome depend on the server's locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byId = (a: { credentialId: string }, b: { credentialId: string }): number =>
  byText(a.credentialId, b.credentialId);

/** Fewest credits first, so larger credentials stay free for the modules still to come; then by id. */
export function smallestFirst(credentials: readonly CandidateCredential[]): CandidateCredential[] {
  return [...credentials].sort((a, b) => a.credits - b.credits || byId(a, b));
}

/** Most credits first, for stacking (fewest credentials); then by id. */
export function largestFirst(credentials: readonly CandidateCredential[]): CandidateCredential[] {
  return [...credentials].sort((a, b) => b.credits - a.credits || byId(a, b));
}

/**
 * Core modules first (the programme cares most that they are covered), then larger before smaller (a big
 * module should not lose its place under the cap to a small one), then by code so the order is total.
 */
export function orderModules(modules: readonly ModuleSpec[]): ModuleSpec[] {
  return [...modules].sort(
    (a, b) => Number(b.core) - Number(a.core) || b.credits - a.credits || byText(a.code, b.code),
  );
}

export function orderWords(ordered: readonly ModuleSpec[]): string {
  const codes = ordered.map((module) => module.code).join(', ');
  return `Modules are considered core first, then by credits (largest first), then by module code: ${codes}.`;
}
