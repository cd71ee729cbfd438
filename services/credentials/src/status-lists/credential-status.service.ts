import type { Actor } from '@lib/auth';
import { credentialReinstatedV1, credentialRevokedV1, credentialSuspendedV1 } from '@lib/contracts';
import { outboxEvent, type PendingEvent, withOutbox } from '@lib/messaging';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { AchievementsService } from '../achievements/achievements.service';
import { IssuersService } from '../issuers/issuers.service';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { IssuingRepository } from '../issuing/issuing.repository';
import { ProgressRepository } from '../progress/progress.repository';
import { actionProblem, type CredentialState, inOrder, stateAfter } from './credential-status';
import type { StatusAction, StatusChange } from './status-change.schema';
import { StatusChangesRepository } from './status-changes.repository';

/** Revocation (permanent), suspension and reinstatement, each recorded as a status change with its event. */
@Injectable()
export class CredentialStatusService {
  constructor(
    private readonly issuing: IssuingRepository,
    private readonly statusChanges: StatusChangesRepository,
    private readonly progress: ProgressRepository,
    private readonly achievements: AchievementsRepository,
    private readonly achievementUrls: AchievementsService,
    private readonly issuers: IssuersService,
  ) {}

  async change(
    actor: Actor,
    credentialId: string,
    action: StatusAction,
    reason?: string,
  ): Promise<CredentialState & { credentialId: string }> {
    const credential = await this.issuing.credentialById(credentialId);
    if (!credential || credential.awardingBodyId !== actor.org)
      throw new NotFoundException(`No credential ${credentialId} that you can see.`);
    return this.apply(credential, action, actor.sub, reason);
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
      );
    } catch (error) {
      // A concurrent change took the same slot; the next evaluation sees it and tries again if still needed.
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  private async apply(
    credential: IssuedCredential,
    action: StatusAction,
    by: string,
    reason?: string,
  ): Promise<CredentialState & { credentialId: string }> {
    const credentialId = credential.credentialId;
    const changes = inOrder(await this.statusChanges.statusChangesOf(credentialId));
    const problem = actionProblem(stateAfter(changes), action);
    if (problem) throw new ConflictException(problem);
    const change: StatusChange = {
      _id: `${credentialId}:${changes.length + 1}`,
      credentialId,
      awardingBodyId: credential.awardingBodyId,
      action,
      ...(reason ? { reason } : {}),
      statusListId: credential.statusListId,
      statusIndex: credential.statusIndex,
      suspensionListId: credential.suspensionListId,
      suspensionIndex: credential.suspensionIndex,
      changedBy: by,
      changedAt: new Date(),
    };
    const event = await this.event(credential, change);
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
