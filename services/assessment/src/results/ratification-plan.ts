import { STILL_BEING_SET_UP } from '@lib/platform';
import { statusOf } from './result-rules';
import type { ResultVersion } from './result.schema';
import type { VersionRecords } from './results.repository';

export const ALREADY_RATIFIED = 'The result is ratified already.';
/** The marks wait for the learner's enrolment to arrive from the enrolment service (usually seconds). */
export const NOT_ANNOUNCED = `The marks are kept, but this learner's enrolment is ${STILL_BEING_SET_UP}`;

/** Why a version cannot be ratified, or undefined when it can: it is ratified already, or not announced yet. */
export function ratificationProblem(version: ResultVersion, records: VersionRecords): string | undefined {
  if (statusOf(version, records) === 'ratified') return ALREADY_RATIFIED;
  if (!records.released.has(version._id)) return NOT_ANNOUNCED;
  return undefined;
}

/** The newest version of each result that is not ratified yet, in the order the results first appear. */
export function unratifiedNewest(records: VersionRecords): ResultVersion[] {
  const newest = new Map<string, ResultVersion>();
  for (const version of records.versions) {
    if ((newest.get(version.resultId)?.version ?? 0) <= version.version)
      newest.set(version.resultId, version);
  }
  return [...newest.values()].filter((version) => statusOf(version, records) !== 'ratified');
}
