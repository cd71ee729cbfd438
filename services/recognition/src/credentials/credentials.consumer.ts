import {
  type CredentialIssuedV1,
  type CredentialReinstatedV1,
  type CredentialRevokedV1,
  type CredentialSuspendedV1,
  type EnrolmentCreatedV1,
  TOPICS,
} from '@lib/contracts';
import { ukCreditsOf } from '@lib/vc';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { LedgerService } from '../ledger/ledger.service';
import { KnownCredentialsRepository } from './known-credentials.repository';

/**
 * Learns our credentials from credentials' events, and withdraws or holds credit resting on one that is revoked or
 * suspended. Handlers are idempotent: facts are inserted under natural keys, and withdrawals once per credit.
 */
@Controller()
export class CredentialsConsumer {
  constructor(
    private readonly known: KnownCredentialsRepository,
    private readonly ledger: LedgerService,
  ) {}

  @EventPattern(TOPICS.credentialsCredentialIssued)
  async issued(@Payload() credential: CredentialIssuedV1): Promise<void> {
    await this.known.addCredential({
      _id: credential.credentialId,
      learnerId: credential.learnerId,
      achievementId: credential.achievementId,
      name: credential.achievementName,
      credits: ukCreditsOf(credential.credits),
      level: credential.level,
      ...(credential.fieldOfStudy ? { fieldOfStudy: credential.fieldOfStudy } : {}),
      learningOutcomes: credential.learningOutcomes ?? [],
      issuerId: credential.issuerId,
      awardingBodyId: credential.awardingBodyId,
      awardedAt: new Date(credential.awardedAt),
    });
  }

  @EventPattern(TOPICS.credentialsCredentialRevoked)
  async revoked(@Payload() event: CredentialRevokedV1): Promise<void> {
    const at = new Date(event.revokedAt);
    await this.known.addStatusFact(event.learnerId, {
      _id: `${event.credentialId}:revoke:${event.revokedAt}`,
      credentialId: event.credentialId,
      action: 'revoke',
      reason: event.reason,
      at,
    });
    await this.ledger.withdrawFor(event.credentialId, `Credential revoked: ${event.reason}`, at);
  }

  @EventPattern(TOPICS.credentialsCredentialSuspended)
  async suspended(@Payload() event: CredentialSuspendedV1): Promise<void> {
    const at = new Date(event.suspendedAt);
    await this.known.addStatusFact(event.learnerId, {
      _id: `${event.credentialId}:suspend:${event.suspendedAt}`,
      credentialId: event.credentialId,
      action: 'suspend',
      reason: event.reason,
      at,
    });
    await this.ledger.holdFor(event.credentialId, 'hold', `Credential suspended: ${event.reason}`, at);
  }

  @EventPattern(TOPICS.credentialsCredentialReinstated)
  async reinstated(@Payload() event: CredentialReinstatedV1): Promise<void> {
    const at = new Date(event.reinstatedAt);
    await this.known.addStatusFact(event.learnerId, {
      _id: `${event.credentialId}:reinstate:${event.reinstatedAt}`,
      credentialId: event.credentialId,
      action: 'reinstate',
      at,
    });
    await this.ledger.holdFor(event.credentialId, 'release', 'Credential reinstated', at);
  }

  @EventPattern(TOPICS.enrolmentEnrolmentCreated)
  async enrolled(@Payload() enrolment: EnrolmentCreatedV1): Promise<void> {
    await this.known.addLearner({ _id: enrolment.learnerId, email: enrolment.learner.email });
  }
}
