import type { AuthorisationFact, OfferingFact, ProgressFact } from './progress.schema';

export type AwardDecision =
  | { kind: 'wait'; reason: string }
  | { kind: 'hold'; reason: string }
  | {
      kind: 'award';
      completedAt: Date;
      result: NonNullable<ProgressFact['result']>;
      learner: NonNullable<ProgressFact['learner']>;
    };

/**
 * Whether a learner has earned the credential of an offering, from what is known so far: attended (completion
 * recorded), a ratified pass as the newest result (and at least the minimum mark, when the achievement sets one),
 * and, for a partner-delivered offering, the partner authorised by the awarding body on the completion date.
 * Pure, so the same facts in any order give the same decision.
 */
export function decideAward(input: {
  offering: OfferingFact | null;
  facts: readonly ProgressFact[];
  authorisations: readonly AuthorisationFact[];
  minimumMark?: number;
}): AwardDecision {
  const { offering, facts } = input;
  if (!offering) return { kind: 'wait', reason: 'the offering is not known yet' };
  const learner = facts.find((fact) => fact.learner)?.learner;
  if (!learner) return { kind: 'wait', reason: 'the enrolment is not known yet' };
  if (facts.some((fact) => fact.kind === 'withdrawn'))
    return { kind: 'wait', reason: 'the learner withdrew' };
  const completion = facts.find((fact) => fact.kind === 'attended' || fact.kind === 'did-not-attend');
  if (!completion) return { kind: 'wait', reason: 'completion is not recorded yet' };
  if (completion.kind === 'did-not-attend') return { kind: 'wait', reason: 'the learner did not attend' };
  const result = newestResult(facts);
  if (!result) return { kind: 'wait', reason: 'no ratified result yet' };
  if (!result.passed) return { kind: 'wait', reason: 'the ratified result is a fail' };
  if (input.minimumMark !== undefined && result.overallMark < input.minimumMark) {
    return {
      kind: 'wait',
      reason: `the overall mark is below the achievement's minimum of ${input.minimumMark}`,
    };
  }
  const day = completion.at.toISOString().slice(0, 10);
  if (
    offering.deliveringOrganisationId !== offering.awardingBodyId &&
    !authorisedOn(input.authorisations, day)
  ) {
    return {
      kind: 'hold',
      reason: `the delivering partner was not authorised by the awarding body for ${offering.courseCode} on ${day}`,
    };
  }
  return { kind: 'award', completedAt: completion.at, result, learner };
}

/** The newest ratified result: the last attempt's last version. */
export function newestResult(facts: readonly ProgressFact[]): ProgressFact['result'] {
  return facts
    .map((fact) => fact.result)
    .filter((result): result is NonNullable<ProgressFact['result']> => result !== undefined)
    .sort((a, b) => a.attempt - b.attempt || a.version - b.version)
    .at(-1);
}

/** Whether a grant covered the day and no withdrawal had taken effect by then. */
export function authorisedOn(facts: readonly AuthorisationFact[], day: string): boolean {
  const withdrawn = new Map(
    facts.filter((f) => f.withdrawnFrom).map((f) => [f.authorisationId, f.withdrawnFrom!]),
  );
  return facts.some(
    (grant) =>
      grant.validFrom !== undefined &&
      grant.validFrom <= day &&
      (grant.validUntil === undefined || day <= grant.validUntil) &&
      !(withdrawn.has(grant.authorisationId) && withdrawn.get(grant.authorisationId)! <= day),
  );
}
