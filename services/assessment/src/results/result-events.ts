import { resultAmendedV1, resultRatifiedV1, resultRecordedV1 } from '@lib/contracts';
import { outboxEvent, type PendingEvent } from '@lib/messaging';
import type { Ratification, ResultVersion } from './result.schema';

function facts(version: ResultVersion) {
  return {
    resultId: version.resultId,
    version: version.version,
    learnerId: version.learnerId,
    offeringId: version.offeringId,
    courseId: version.courseId,
    attempt: version.attempt,
    components: version.components,
    overallMark: version.overallMark,
    grade: version.grade,
    passed: version.passed,
    recordedBy: version.recordedBy,
    recordedAt: version.recordedAt.toISOString(),
  };
}

/** The event announcing a version: recorded (provisional), or amended (a new ratified version). */
export function releaseEvent(version: ResultVersion): PendingEvent {
  if (version.amendment) {
    return outboxEvent(resultAmendedV1, {
      ...facts(version),
      status: 'ratified',
      previousVersion: version.amendment.previousVersion,
      reason: version.amendment.reason,
      amendedBy: version.recordedBy,
      amendedAt: version.recordedAt.toISOString(),
    });
  }
  return outboxEvent(resultRecordedV1, { ...facts(version), status: 'provisional' });
}

export function ratifiedEvent(
  version: ResultVersion,
  ratification: Pick<Ratification, 'ratifiedBy' | 'ratifiedAt'>,
): PendingEvent {
  return outboxEvent(resultRatifiedV1, {
    ...facts(version),
    status: 'ratified',
    ratifiedBy: ratification.ratifiedBy,
    ratifiedAt: ratification.ratifiedAt.toISOString(),
  });
}
