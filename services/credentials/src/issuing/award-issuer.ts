import { randomBytes, randomUUID } from 'node:crypto';
import { runWithCorrelationId, withOutbox } from '@lib/messaging';
import { ReadCache } from '@lib/persistence';
import { signCredential } from '@lib/vc';
import { Injectable, Logger } from '@nestjs/common';
import type { AchievementVersion } from '../achievements/achievement.schema';
import { AchievementsService } from '../achievements/achievements.service';
import { CredentialMetrics } from '../common/credential-metrics';
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import type { OfferingFact, OrganisationFact } from '../progress/progress.schema';
import { ProgressRepository } from '../progress/progress.repository';
import {
  type Award,
  credentialKey,
  credentialToSign,
  type IssueFacts,
  issuedRecord,
  type StatusSlot,
  statusListIds,
} from './issue-builders';
import type { IssuedCredential } from './issued-credential.schema';
import { IssuingRepository } from './issuing.repository';
import { StatusSlots } from './status-slots';

/** A credential the award rule granted, to be issued; the correlation id of the event that completed it. */
export interface PendingAward {
  readonly offering: OfferingFact;
  readonly achievement: AchievementVersion;
  readonly learnerId: string;
  readonly award: Award;
  readonly correlationId?: string;
}

/**
 * Issues granted credentials in bulk: status list bits for all of them in one insert (redrawn where taken), each
 * built and signed, then the learners' lists and the credentials with their events in one write each. The unique
 * key `<achievementId>:<offeringId>:<learnerId>` keeps every credential to one, whoever races to issue it.
 */
@Injectable()
export class AwardIssuer {
  private readonly logger = new Logger('IssuingService');
  /** Organisations are facts from events, never changed: read once per process. */
  private readonly organisations = new ReadCache<OrganisationFact | null>(
    Infinity,
    (found) => found !== null,
  );

  constructor(
    private readonly issuing: IssuingRepository,
    private readonly progress: ProgressRepository,
    private readonly achievementUrls: AchievementsService,
    private readonly issuers: IssuersService,
    private readonly slots: StatusSlots,
    private readonly metrics: CredentialMetrics,
  ) {}

  async issueAll(pending: readonly PendingAward[]): Promise<void> {
    if (pending.length === 0) return;
    const keys = pending.map((p) => credentialKey(p.achievement, p.offering._id, p.learnerId));
    const lists = pending.map((p) => statusListIds(p.offering.awardingBodyId));
    const [revocations, suspensions] = await Promise.all([
      this.slots.allocate(lists.map((list, n) => ({ listId: list.revocation, key: keys[n]! }))),
      this.slots.allocate(lists.map((list, n) => ({ listId: list.suspension, key: keys[n]! }))),
    ]);
    const records: (IssuedCredential & ReturnType<typeof withOutbox>)[] = [];
    for (const [n, p] of pending.entries()) {
      const facts = await this.issueFacts(p, revocations[n]!, suspensions[n]!);
      const key = await this.issuers.signingKey(p.offering.awardingBodyId);
      const jwt = this.metrics.signed('jwt', () =>
        signCredential(credentialToSign(facts), key, facts.issuedAt),
      );
      const { record, event } = issuedRecord(facts, jwt);
      const outbox = runWithCorrelationId(p.correlationId ?? randomUUID(), () =>
        withOutbox(EVENT_SOURCE, event),
      );
      records.push({ ...record, ...outbox });
    }
    await this.issuing.listForLearners(records);
    const inserted = await this.issuing.insertCredentials(records);
    this.metrics.issued('award', inserted.filter(Boolean).length);
    for (const [n, record] of records.entries()) {
      if (inserted[n])
        this.logger.log(
          `issued ${record.credentialId} to learner ${record.learnerId} for ${pending[n]!.achievement.courseCode}`,
        );
    }
  }

  /** What one credential is made of: read (cached) or drawn here, so the builders stay pure. */
  private async issueFacts(
    p: PendingAward,
    revocation: StatusSlot,
    suspension: StatusSlot,
  ): Promise<IssueFacts> {
    const { offering, achievement, learnerId, award } = p;
    const issuer = await this.issuers.profileInput(offering.awardingBodyId);
    return {
      credentialId: `urn:uuid:${randomUUID()}`,
      issuedAt: new Date(),
      emailSalt: randomBytes(12).toString('base64url'),
      learnerId,
      offering,
      achievement,
      achievementUrl: this.achievementUrls.url(achievement.achievementId),
      award,
      issuer: { ...issuer, id: this.issuers.issuerUrl(offering.awardingBodyId) },
      partner: await this.partnerOf(offering),
      statusListsUrl: this.issuers.statusListsUrl(),
      revocation,
      suspension,
    };
  }

  /** The delivering partner's record, read only when a partner (not the awarding body) delivered. */
  private async partnerOf(offering: OfferingFact): Promise<OrganisationFact | null> {
    if (offering.deliveringOrganisationId === offering.awardingBodyId) return null;
    const id = offering.deliveringOrganisationId;
    return this.organisations.get(id, () => this.progress.organisation(id));
  }
}
