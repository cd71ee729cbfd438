import type { CurrentStatus } from '../status-lists/credential-status';
import type { LearnerRecord } from './learner-record.schema';

/** A learner record as its learner reads it: the signed JWT, what it holds and its status now. */
export function learnerRecordView(record: LearnerRecord, status: CurrentStatus) {
  return {
    credentialId: record._id,
    awardingBodyId: record.awardingBodyId,
    issuedAt: record.issuedAt.toISOString(),
    credentialIds: record.credentialIds,
    credits: record.credits.map((credit) => ({
      creditId: credit.creditId,
      programmeCode: credit.programmeCode,
      moduleCode: credit.moduleCode,
      credits: credit.credits,
      sourceCredentialIds: credit.sourceCredentialIds,
      decidedAt: new Date(credit.decidedAt).toISOString(),
    })),
    status: {
      state: status.state,
      ...(status.reason ? { reason: status.reason } : {}),
      ...(status.changedAt ? { changedAt: status.changedAt.toISOString() } : {}),
    },
    jwt: record.jwt,
  };
}
