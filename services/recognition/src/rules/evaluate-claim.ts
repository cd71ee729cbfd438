import { capExplanation, capNeeds, capNotes, exceedsCap, type CapState } from './cap';
import { attemptRule } from './combinations';
import { needsOf } from './needs';
import { spareNotes, type Note } from './notes';
import { byId, byText, orderModules, orderWords } from './order';
import { screenCredentials } from './screen';
import { leftOver } from './unused';
import type { CandidateCredential, EvaluationInput, ModuleProposal, ModuleSpec, Proposal } from './types';

/** What changes as modules are considered in order: credentials still free, credits proposed, why others missed. */
interface Progress extends CapState {
  pool: CandidateCredential[];
  notes: Note[];
}

/**
 * Turns a learner's credentials into a recognition proposal for one programme. Pure and deterministic: the
 * same input in any order gives the same proposal, so an exam board can re-run and audit it.
 */
export function evaluateClaim(input: EvaluationInput): Proposal {
  const { usable, unused } = screenCredentials(input);
  const ordered = orderModules(input.modules);
  const progress: Progress = {
    cap: input.policy.maxRecognitionCredits,
    alreadyCredited: [...input.creditedModules.values()].reduce((sum, credits) => sum + credits, 0),
    proposed: 0,
    pool: [...usable].sort(byId),
    notes: [],
  };
  const modules = ordered.map((module) => consider(module, input, progress));
  const leftovers = progress.pool.map((credential) => leftOver(credential, progress.notes));
  return {
    modules,
    unused: [...unused, ...leftovers].sort(byId),
    creditsProposed: progress.proposed,
    creditsAlreadyCredited: progress.alreadyCredited,
    cap: progress.cap,
    order: orderWords(ordered),
  };
}

function consider(module: ModuleSpec, input: EvaluationInput, progress: Progress): ModuleProposal {
  const outcome = { moduleCode: module.code, credits: module.credits, credentialIds: [] as string[] };
  if (!module.eligible) {
    return {
      ...outcome,
      exempt: false,
      explanation: `${module.title} is not eligible for recognition of prior learning`,
    };
  }
  if (input.creditedModules.has(module.code)) {
    // Shown as exempt but it takes no credentials and no new room under the cap.
    const matched = module.rule ? attemptRule(module, module.rule, progress.pool).matched : [];
    progress.notes.push(...spareNotes(matched, module, 'credited'));
    return {
      ...outcome,
      exempt: true,
      alreadyCredited: true,
      explanation: 'already credited by an earlier decision',
    };
  }
  if (!module.rule) return { ...outcome, exempt: false, explanation: 'no recognition rule for this module' };
  const attempt = attemptRule(module, module.rule, progress.pool);
  progress.notes.push(...attempt.notes);
  const { chosen } = attempt;
  if (!chosen) {
    return {
      ...outcome,
      exempt: false,
      explanation: attempt.explanation,
      needs: needsOf(module, progress.pool),
    };
  }
  if (exceedsCap(progress, module)) {
    // Not taken from the pool: a later, smaller module may still fit under the cap with them.
    progress.notes.push(...capNotes(progress, module, attempt.matched));
    const explanation = capExplanation(progress, module, chosen);
    return { ...outcome, exempt: false, explanation, needs: capNeeds(progress, module) };
  }
  const ids = chosen.map((credential) => credential.credentialId);
  const spare = attempt.matched.filter((credential) => !ids.includes(credential.credentialId));
  progress.notes.push(...spareNotes(spare, module, ids));
  progress.proposed += module.credits;
  progress.pool = progress.pool.filter((credential) => !ids.includes(credential.credentialId));
  return { ...outcome, exempt: true, explanation: attempt.explanation, credentialIds: [...ids].sort(byText) };
}
