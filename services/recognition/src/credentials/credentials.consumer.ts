import {
  type CredentialIssuedV1,
  type CredentialReinstatedV1,
  type CredentialRevokedV1,
  type CredentialSuspendedV1,
  type EnrolmentCreatedV1,
  TOPICS,
} from '@lib/contracts';
import { EventBatchPattern } from '@lib/platform';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { LedgerService } from '../ledger/ledger.service';
import {
  knownCredentialOf,
  knownLearnerOf,
  reinstatementOf,
  revocationOf,
  suspensionOf,
} from './credential-facts';
import { KnownCredentialsRepository } from './known-credentials.repository';

/**
 * Learns our credentials from credentials' events, and withdraws or holds credit resting on one that is revoked or
 * suspended. Each handler takes a whole batch: its facts are written in one bulk call per collection, then credit is
 * withdrawn, held or released per event in the batch's order. Handlers are idempotent (a failed batch is retried
 * one event at a time): facts are inserted under natural keys, and withdrawals once per credit.
 */
@Controller()
export class CredentialsConsumer {
  constructor(
    private readonly known: KnownCredentialsRepository,
    private readonly ledger: LedgerService,
  ) {}

  @EventBatchPattern(TOPICS.credentialsCredentialIssued)
  async issued(@Payload() credentials: CredentialIssuedV1[]): Promise<void> {
    await this.known.addCredentials(credentials.map(knownCredentialOf));
  }

  /** Revocations are rare: credit resting on each credential is withdrawn one credential at a time. */
  @EventBatchPattern(TOPICS.credentialsCredentialRevoked)
  async revoked(@Payload() events: CredentialRevokedV1[]): Promise<void> {
    await this.known.addStatusFacts(events.map(revocationOf));
    for (const event of events)
      await this.ledger.withdrawFor(
        event.credentialId,
        `Credential revoked: ${event.reason}`,
        new Date(event.revokedAt),
      );
  }

  @EventBatchPattern(TOPICS.credentialsCredentialSuspended)
  async suspended(@Payload() events: CredentialSuspendedV1[]): Promise<void> {
    await this.known.addStatusFacts(events.map(suspensionOf));
    for (const event of events)
      await this.ledger.holdFor(
        event.credentialId,
        'hold',
        `Credential suspended: ${event.reason}`,
        new Date(event.suspendedAt),
      );
  }

  @EventBatchPattern(TOPICS.credentialsCredentialReinstated)
  async reinstated(@Payload() events: CredentialReinstatedV1[]): Promise<void> {
    await this.known.addStatusFacts(events.map(reinstatementOf));
    for (const event of events)
      await this.ledger.holdFor(
        event.credentialId,
        'release',
        'Credential reinstated',
        new Date(event.reinstatedAt),
      );
  }

  @EventBatchPattern(TOPICS.enrolmentEnrolmentCreated)
  async enrolled(@Payload() enrolments: EnrolmentCreatedV1[]): Promise<void> {
    await this.known.addLearners(enrolments.map(knownLearnerOf));
  }
}
