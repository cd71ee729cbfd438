import type { Actor } from '@lib/auth';
import {
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  directCredentialRevokedV1,
  learnerRecordRevokedV1,
} from '@lib/contracts';
import { outboxEvent, type PendingEvent, withOutbox } from '@lib/messaging';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { AchievementsService } from '../achievements/achievements.service';
import type { DirectCredential } from '../direct-issuing/direct-credential.schema';
import { DirectCredentialsRepository } from '../direct-issuing/direct-credentials.repository';
import { IssuersService } from '../issuers/issuers.service';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { IssuingRepository } from '../issuing/issuing.repository';
import type { LearnerRecord } from '../learner-records/learner-record.schema';
import { LearnerRecordsRepository } from '../learner-records/learner-records.repository';
import { ProgressRepository } from '../progress/progress.repository';
import { actionProblem, type CredentialState, inOrder, stateAfter } from './credential-status';
import type { StatusAction, StatusChange } from './status-change.schema';
import { StatusChangesRepository } from './status-changes.repository';

/** What a status change is recorded against: the credential's bits in its issuer's lists. */
type StatusTarget = Pick<
  StatusChange,
  'credentialId' | 'awardingBodyId' | 'statusListId' | 'statusIndex' | 'suspensionListId' | 'suspensionIndex'
>;

/**
 * Revocation (permanent), suspension and reinstatement, each recorded as a status change with its event. An award
 * can be suspended; a credential issued through the VC-API carries a revocation entry only, so it can be revoked.
 */
@Injectable()
export class CredentialStatusService {
  constructor(
    private readonly issuing: IssuingRepository,
    private readonly statusChanges: StatusChangesRepository,
    private readonly progress: ProgressRepository,
    private readonly achievements: AchievementsRepository,
    private readonly achievementUrls: AchievementsService,
    private readonly issuers: IssuersService,
    private readonly direct: DirectCredentialsRepository,
    private readonly learnerRecords: LearnerRecordsRepository,
    private readonly metrics: CredentialMetrics,
  ) {}

  async change(
    actor: Actor,
    credentialId: string,
    action: StatusAction,
    reason?: string,
  ): Promise<CredentialState & { credentialId: string }> {
    const award = await this.issuing.credentialById(credentialId);
    if (award && award.awardingBodyId === actor.org)
      return this.apply(award, action, actor.sub, reason, (change) => this.event(award, change));
    const direct = award ? null : await this.direct.credentialById(credentialId);
    if (direct && direct.awardingBodyId === actor.org) {
      const { awardingBodyId, statusListId, statusIndex } = direct;
      const target = { credentialId, awardingBodyId, statusListId, statusIndex };
      return this.apply(target, action, actor.sub, reason, (change) => directEvent(direct, change));
    }
    const record = award || direct ? null : await this.learnerRecords.recordById(credentialId);
    if (record && record.awardingBodyId === actor.org)
      return this.apply(recordTarget(record), action, actor.sub, reason, (change) =>
        learnerRecordEvent(record, change),
      );
    throw new NotFoundException(`No credential ${credentialId} that you can see.`);
  }

  /** The exam board amended the result behind a credential to a fail: the credential is revoked (once). */
  async revokeForFailedResult(credential: IssuedCredential): Promise<void> {
    const state = stateAfter(inOrder(await this.statusChanges.statusChangesOf(credential.credentialId)));
    if (state.revoked) return;
    try {
      await this.apply(
        credential,
        'revoke',
        'system:result-amended',
        'The exam board amended the result to a fail.',
        (change) => this.event(credential, change),
      );
    } catch (error) {
      // A concurrent change took the same slot; the next evaluation sees it and tries again if still needed.
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  /** A newer learner record supersedes this one: it is revoked, its reason naming the newer one. */
  async supersedeLearnerRecord(record: LearnerRecord, newerId: string): Promise<void> {
    try {
      await this.apply(
        recordTarget(record),
        'revoke',
        'system:superseded',
        `Superseded by ${newerId}`,
        (change) => learnerRecordEvent(record, change),
      );
    } catch (error) {
      // The registrar revoked it at the same moment: it is revoked either way.
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  private async apply(
    credential: StatusTarget,
    action: StatusAction,
    by: string,
    reason: string | undefined,
    eventOf: (change: StatusChange) => Promise<PendingEvent>,
  ): Promise<CredentialState & { credentialId: string }> {
    const credentialId = credential.credentialId;
    const changes = inOrder(await this.statusChanges.statusChangesOf(credentialId));
    const state = stateAfter(changes);
    const problem =
      !state.revoked && action !== 'revoke' && credential.suspensionListId === undefined
        ? 'The credential carries a revocation entry only (issued through the VC-API, or a learner record): it can be revoked, not suspended.'
        : actionProblem(state, action);
    if (problem) throw new ConflictException(problem);
    const change: StatusChange = {
      _id: `${credentialId}:${changes.length + 1}`,
      credentialId,
      awardingBodyId: credential.awardingBodyId,
      action,
      ...(reason ? { reason } : {}),
      statusListId: credential.statusListId,
      statusIndex: credential.statusIndex,
      ...(credential.suspensionListId === undefined
        ? {}
        : { suspensionListId: credential.suspensionListId, suspensionIndex: credential.suspensionIndex }),
      changedBy: by,
      changedAt: new Date(),
    };
    const event = await eventOf(change);
    if (
      !(await this.statusChanges.insertStatusChange({
        ...change,
        ...withOutbox('/credit-bridge/credentials', event),
      }))
    ) {
      throw new ConflictException(
        "The credential's status changed at the same moment; reload and try again.",
      );
    }
    this.metrics.statusChanged(action);
    return { credentialId, ...stateAfter([...changes, change]) };
  }

  private async event(credential: IssuedCredential, change: StatusChange): Promise<PendingEvent> {
    const version = (await this.achievements.version(
      credential.achievementId,
      credential.achievementVersion,
    ))!;
    const offering = await this.progress.offering(credential.offeringId);
    const facts = {
      credentialId: credential.credentialId,
      learnerId: credential.learnerId,
      achievementId: this.achievementUrls.url(credential.achievementId),
      achievementVersion: credential.achievementVersion,
      achievementName: credential.achievementName,
      courseId: version.courseId,
      courseCode: version.courseCode,
      offeringId: credential.offeringId,
      issuerId: this.issuers.issuerUrl(credential.awardingBodyId),
      awardingBodyId: credential.awardingBodyId,
      deliveringOrganisationId: offering?.deliveringOrganisationId ?? credential.awardingBodyId,
      credits: { value: version.credits, scheme: 'UK' as const },
      level: version.level,
      learningOutcomes: version.learningOutcomes,
    };
    const at = change.changedAt.toISOString();
    switch (change.action) {
      case 'revoke':
        return outboxEvent(credentialRevokedV1, {
          ...facts,
          reason: change.reason ?? 'revoked',
          revokedBy: change.changedBy,
          revokedAt: at,
        });
      case 'suspend':
        return outboxEvent(credentialSuspendedV1, {
          ...facts,
          reason: change.reason ?? 'suspended',
          suspendedBy: change.changedBy,
          suspendedAt: at,
        });
      case 'reinstate':
        return outboxEvent(credentialReinstatedV1, {
          ...facts,
          ...(change.reason ? { reason: change.reason } : {}),
          reinstatedBy: change.changedBy,
          reinstatedAt: at,
        });
    }
  }
}

/** A VC-API credential's change, which can only be its revocation (suspension is refused before). */
function directEvent(credential: DirectCredential, change: StatusChange): Promise<PendingEvent> {
  return Promise.resolve(
    outboxEvent(directCredentialRevokedV1, {
      credentialId: credential._id,
      awardingBodyId: credential.awardingBodyId,
      types: credential.types,
      reason: change.reason ?? 'revoked',
      revokedBy: change.changedBy,
      revokedAt: change.changedAt.toISOString(),
    }),
  );
}

/** A learner record's bits: a revocation entry only, as a VC-API credential. */
function recordTarget(record: LearnerRecord): StatusTarget {
  const { _id: credentialId, awardingBodyId, statusListId, statusIndex } = record;
  return { credentialId, awardingBodyId, statusListId, statusIndex };
}

/** A learner record's change, which can only be its revocation (suspension is refused before). */
function learnerRecordEvent(record: LearnerRecord, change: StatusChange): Promise<PendingEvent> {
  return Promise.resolve(
    outboxEvent(learnerRecordRevokedV1, {
      credentialId: record._id,
      learnerId: record.learnerId,
      awardingBodyId: record.awardingBodyId,
      reason: change.reason ?? 'revoked',
      revokedBy: change.changedBy,
      revokedAt: change.changedAt.toISOString(),
    }),
  );
}
