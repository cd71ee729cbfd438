import type { VersionRecords } from './results.repository';
import type { ResultVersion } from './result.schema';

export type VersionStatus = 'provisional' | 'ratified';

export function statusOf(version: ResultVersion, records: Pick<VersionRecords, 'ratified'>): VersionStatus {
  return version.amendment !== undefined || records.ratified.has(version._id) ? 'ratified' : 'provisional';
}

/** The newest version of each attempt, by attempt. */
export function latestByAttempt(versions: readonly ResultVersion[]): ResultVersion[] {
  const latest = new Map<number, ResultVersion>();
  for (const version of versions) {
    if ((latest.get(version.attempt)?.version ?? 0) < version.version) latest.set(version.attempt, version);
  }
  return [...latest.values()].sort((a, b) => a.attempt - b.attempt);
}

export type NextRecord = { attempt: number; version: number; resultId?: string } | { refused: string };

/**
 * Where new marks go: a new version of a provisional attempt, a first attempt, or a resit after a ratified
 * fail within the attempt limit. A ratified pass is changed by amendment, not by new marks.
 */
export function nextRecord(
  records: Pick<VersionRecords, 'versions' | 'ratified'>,
  maxAttempts: number,
): NextRecord {
  const current = latestByAttempt(records.versions).at(-1);
  if (!current) return { attempt: 1, version: 1 };
  if (statusOf(current, records) === 'provisional') {
    return { attempt: current.attempt, version: current.version + 1, resultId: current.resultId };
  }
  if (current.passed) return { refused: 'The learner has a ratified pass; the exam board can amend it.' };
  if (current.attempt >= maxAttempts) {
    return { refused: `The learner has used all ${maxAttempts} attempt(s) the scheme allows.` };
  }
  return { attempt: current.attempt + 1, version: 1 };
}
