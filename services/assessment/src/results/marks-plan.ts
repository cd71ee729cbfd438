import type { Standing } from '../catalogue/enrolment-standing';
import { mark, markProblems } from '../schemes/marking';
import type { Scheme } from '../schemes/scheme.schema';
import { versionIdOf } from './result-ids';
import { nextRecord } from './result-rules';
import type { ResultVersion } from './result.schema';
import type { VersionRecords } from './results.repository';

/** Marks for one learner, as a request or a CSV row gives them. */
export interface MarksEntry {
  learnerId: string;
  marks: Record<string, number>;
}

export type MarksPlan =
  { version: ResultVersion } | { refused: string } | { invalid: { field: string; message: string }[] };

export interface MarksContext {
  offeringId: string;
  courseId: string;
  scheme: Scheme;
  /** Where each learner stands on the offering; missing means unknown. */
  standings: ReadonlyMap<string, Standing>;
  /** The learners' versions at the offering, with their ratifications. */
  records: Pick<VersionRecords, 'versions' | 'ratified'>;
  recordedBy: string;
  recordedAt: Date;
  newResultId: () => string;
}

/**
 * Where each entry's marks go, in order, as if recorded one after another (a learner named twice gets two
 * versions): a version to insert, or why not (marks that do not fit the scheme, a withdrawn or waitlisted
 * learner, a ratified pass, no attempts left).
 */
export function planMarks(context: MarksContext, entries: readonly MarksEntry[]): MarksPlan[] {
  const { scheme, records } = context;
  const byLearner = new Map<string, ResultVersion[]>();
  for (const version of records.versions) {
    byLearner.set(version.learnerId, [...(byLearner.get(version.learnerId) ?? []), version]);
  }
  return entries.map(({ learnerId, marks }): MarksPlan => {
    const invalid = markProblems(scheme, marks);
    if (invalid.length > 0) return { invalid };
    const standing = context.standings.get(learnerId) ?? 'unknown';
    if (standing === 'withdrawn' || standing === 'waitlisted')
      return { refused: `The learner is ${standing} on this offering, so cannot be assessed.` };
    const versions = byLearner.get(learnerId) ?? [];
    const next = nextRecord({ versions, ratified: records.ratified }, scheme.maxAttempts);
    if ('refused' in next) return { refused: next.refused };
    const version: ResultVersion = {
      _id: versionIdOf(context.offeringId, learnerId, next.attempt, next.version),
      resultId: next.resultId ?? context.newResultId(),
      offeringId: context.offeringId,
      learnerId,
      courseId: context.courseId,
      attempt: next.attempt,
      version: next.version,
      ...mark(scheme, marks),
      recordedBy: context.recordedBy,
      recordedAt: context.recordedAt,
    };
    byLearner.set(learnerId, [...versions, version]);
    return { version };
  });
}
