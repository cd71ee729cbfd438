import type { VersionRecords } from './results.repository';
import { statusOf, type VersionStatus } from './result-rules';

export interface ResultVersionView {
  version: number;
  components: { name: string; weight: number; mark: number }[];
  overallMark: number;
  grade: string;
  passed: boolean;
  status: VersionStatus;
  /** False while the learner's enrolment has not reached assessment: the marks are kept, not announced yet. */
  announced: boolean;
  recordedBy: string;
  recordedAt: string;
  ratifiedAt?: string;
  amendment?: { reason: string; previousVersion: number };
}

export interface ResultView {
  resultId: string;
  offeringId: string;
  learnerId: string;
  courseId: string;
  attempt: number;
  /** The newest version's facts. */
  overallMark: number;
  grade: string;
  passed: boolean;
  status: VersionStatus;
  version: number;
  /** Every version, oldest first: nothing is overwritten. */
  versions: ResultVersionView[];
}

/** One view per result (learner, offering, attempt), newest version on top, all versions kept. */
export function toResultViews(records: VersionRecords): ResultView[] {
  const byResult = new Map<string, ResultVersionView[]>();
  const first = new Map<string, VersionRecords['versions'][number]>();
  for (const version of records.versions) {
    const ratification = records.ratified.get(version._id);
    const views = byResult.get(version.resultId) ?? [];
    views.push({
      version: version.version,
      components: version.components,
      overallMark: version.overallMark,
      grade: version.grade,
      passed: version.passed,
      status: statusOf(version, records),
      announced: records.released.has(version._id),
      recordedBy: version.recordedBy,
      recordedAt: version.recordedAt.toISOString(),
      ...(ratification ? { ratifiedAt: ratification.ratifiedAt.toISOString() } : {}),
      ...(version.amendment ? { amendment: version.amendment } : {}),
    });
    byResult.set(version.resultId, views);
    if (!first.has(version.resultId)) first.set(version.resultId, version);
  }
  return [...byResult.entries()].map(([resultId, versions]) => {
    const sorted = versions.sort((a, b) => a.version - b.version);
    const newest = sorted.at(-1)!;
    const origin = first.get(resultId)!;
    return {
      resultId,
      offeringId: origin.offeringId,
      learnerId: origin.learnerId,
      courseId: origin.courseId,
      attempt: origin.attempt,
      overallMark: newest.overallMark,
      grade: newest.grade,
      passed: newest.passed,
      status: newest.status,
      version: newest.version,
      versions: sorted,
    };
  });
}
