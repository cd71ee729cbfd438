import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { learnerRecordIssuedV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { mapPage, type Pagination } from '@lib/persistence';
import { notHereYet } from '@lib/platform';
import {
  asObject,
  credentialOfOwnJwt,
  jwtPayloadOf,
  MAX_HELD_CREDENTIALS,
  MAX_RECORD_JWT_BYTES,
  signCredential,
} from '@lib/vc';
import { Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import { OFFLINE_BUNDLE_MEDIA_TYPE } from '../sharing/offline-bundle.view-schema';
import { OfflineBundlesService } from '../sharing/offline-bundles.service';
import { statusListIds } from '../issuing/issue-builders';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { IssuingRepository } from '../issuing/issuing.repository';
import { StatusSlots } from '../issuing/status-slots';
import { CredentialStatusService } from '../status-lists/credential-status.service';
import { currentStatus, type CurrentStatus } from '../status-lists/credential-status';
import type { StatusChange } from '../status-lists/status-change.schema';
import { StatusChangesRepository } from '../status-lists/status-changes.repository';
import { ApprovedCreditsRepository } from './approved-credits.repository';
import { type ClrFacts, clrToSign, contentKeyOf, creditsFor } from './clr-builder';
import type { LearnerRecord } from './learner-record.schema';
import { learnerRecordView } from './learner-record-views';
import { LearnerRecordsRepository } from './learner-records.repository';

/** A body's credentials are read a page at a time. */
const PAGE = { page: 1, pageSize: 200 } as const;

export type RecordFormat = 'jwt' | 'json' | 'data-integrity' | 'bundle';

/**
 * The learner's Comprehensive Learner Records (CLR 2.0): generated on the learner's request from their credentials in
 * good standing from one awarding body and the MSc credit approved for them, signed by the body, recorded with a
 * revocation entry and its event. A record whose content is unchanged is answered again; a changed one supersedes
 * the previous, which is revoked with the reason "Superseded by <id>" so a verifier sees it.
 */
@Injectable()
export class LearnerRecordsService {
  private readonly logger = new Logger('LearnerRecords');

  constructor(
    private readonly records: LearnerRecordsRepository,
    private readonly approved: ApprovedCreditsRepository,
    private readonly issuing: IssuingRepository,
    private readonly issuers: IssuersService,
    private readonly slots: StatusSlots,
    private readonly statusChanges: StatusChangesRepository,
    private readonly statuses: CredentialStatusService,
    private readonly bundles: OfflineBundlesService,
    private readonly metrics: CredentialMetrics,
  ) {}

  async generate(actor: Actor, awardingBodyId: string) {
    const learnerId = actor.sub;
    if (!(await this.issuers.isIssuer(awardingBodyId)))
      throw new NotFoundException(notHereYet('awarding body', awardingBodyId, 'that issues credentials'));
    const credentials = await this.goodStanding(learnerId, awardingBodyId);
    const credits = creditsFor(
      await this.approved.creditsOf(learnerId),
      credentials.map((c) => c.credentialId),
    );
    const credentialIds = credentials.map((c) => c.credentialId);
    const creditIds = credits.map((c) => c.creditId);
    const contentKey = contentKeyOf(credentialIds, creditIds);
    const previous = await this.records.latestOf(learnerId, awardingBodyId);
    const previousStatus = previous ? await this.statusOf(previous._id) : undefined;
    if (previous && previousStatus?.state === 'active' && previous.contentKey === contentKey)
      return { created: false, record: learnerRecordView(previous, previousStatus) };

    const credentialId = `urn:uuid:${randomUUID()}`;
    const issuedAt = new Date();
    const { jwt, listId, statusIndex, issuerId } = await this.signed(
      { credentialId, issuedAt, learnerId, awardingBodyId },
      credentials,
      credits,
    );
    const record: LearnerRecord = {
      _id: credentialId,
      learnerId,
      awardingBodyId,
      follows: `${learnerId}:${awardingBodyId}:${previous?._id ?? 'first'}`,
      contentKey,
      credentialIds,
      credits,
      statusListId: listId,
      statusIndex,
      jwt,
      issuedAt,
    };
    const event = outboxEvent(learnerRecordIssuedV1, {
      credentialId,
      learnerId,
      awardingBodyId,
      issuerId,
      credentialIds,
      creditIds,
      ...(previous ? { supersedes: previous._id } : {}),
      issuedAt: issuedAt.toISOString(),
      jwt,
    });
    if (!(await this.records.insertOnce({ ...record, ...withOutbox(EVENT_SOURCE, event) }))) {
      // Another request made the record that follows the same one at the same moment: that one is the answer.
      const winner = (await this.records.latestOf(learnerId, awardingBodyId))!;
      return { created: false, record: learnerRecordView(winner, await this.statusOf(winner._id)) };
    }
    if (previous && previousStatus?.state === 'active')
      await this.statuses.supersedeLearnerRecord(previous, credentialId);
    this.logger.log(`issued learner record ${credentialId} to ${learnerId} from ${awardingBodyId}`);
    return { created: true, record: learnerRecordView(record, { state: 'active' }) };
  }

  /** The learner's records, newest first, each with its status now. */
  async recordsOf(actor: Actor, pagination: Pagination) {
    const page = await this.records.recordsOf(actor.sub, pagination);
    const changes = await this.statusChanges.statusChangesOfMany(page.items.map((record) => record._id));
    const changesOf = groupByCredential(changes);
    return mapPage(page, (record) =>
      learnerRecordView(record, currentStatus(changesOf.get(record._id) ?? [])),
    );
  }

  /**
   * The learner's own record as a file: the signed .jwt, its decoded JSON, or the record with a Data Integrity
   * proof. Another's answers 404.
   */
  async download(actor: Actor, credentialId: string, format: RecordFormat) {
    const record = await this.ownRecord(actor, credentialId);
    const name = `learner-record-${credentialId.replace(/^urn:uuid:/, '')}`;
    if (format === 'bundle') {
      const held = await this.issuing.credentialsByIds(record.credentialIds);
      const order = new Map(record.credentialIds.map((id, at) => [id, at]));
      held.sort((a, b) => order.get(a.credentialId)! - order.get(b.credentialId)!);
      const bundle = await this.bundles.recordBundle(
        { ...record, credentialId: record._id },
        await this.dataIntegrityForm(record),
        held,
      );
      return {
        fileName: `${name}.bundle.json`,
        contentType: OFFLINE_BUNDLE_MEDIA_TYPE,
        body: JSON.stringify(bundle, null, 2),
      };
    }
    if (format === 'data-integrity')
      // application/vc: VC 2.0's media type of a credential secured by an embedded proof.
      return {
        fileName: `${name}.json`,
        contentType: 'application/vc',
        body: JSON.stringify(await this.dataIntegrityForm(record), null, 2),
      };
    return format === 'jwt'
      ? { fileName: `${name}.jwt`, contentType: 'application/vc+jwt', body: record.jwt }
      : {
          fileName: `${name}.json`,
          contentType: 'application/json',
          body: JSON.stringify({ credential: jwtPayloadOf(record.jwt), jwt: record.jwt }, null, 2),
        };
  }

  /** The learner's own record; another's answers 404 like a missing one. */
  async ownRecord(actor: Actor, credentialId: string): Promise<LearnerRecord> {
    const record = await this.records.recordById(credentialId);
    if (!record || record.learnerId !== actor.sub)
      throw new NotFoundException(notHereYet('learner record', credentialId));
    return record;
  }

  /**
   * The record the JWT carries, secured instead by an eddsa-rdfc-2022 proof of the body's Ed25519 key, made at its
   * validFrom so that each download is the same document. As for a single credential, only the issuer's id changes,
   * to the body's DID (a proof's verification method must be the issuer's); the credentials it holds stay the
   * enveloped VC-JWTs as issued, each verifiable on its own.
   */
  async dataIntegrityForm(record: LearnerRecord): Promise<Record<string, unknown>> {
    const vc = credentialOfOwnJwt(record.jwt);
    const issuer = { ...asObject(vc.issuer), id: this.issuers.issuerDid(record.awardingBodyId) };
    return this.issuers.prove(record.awardingBodyId, { ...vc, issuer }, String(vc.validFrom));
  }

  /** The record signed by the body, with a revocation entry of the body's list; refused when too large to verify. */
  private async signed(
    facts: { credentialId: string; issuedAt: Date; learnerId: string; awardingBodyId: string },
    credentials: readonly IssuedCredential[],
    credits: ClrFacts['credits'],
  ) {
    const { credentialId, issuedAt, learnerId, awardingBodyId } = facts;
    const listId = statusListIds(awardingBodyId).revocation;
    const [slot] = await this.slots.allocate([{ listId, key: `clr:${credentialId}` }]);
    const issuer = {
      ...(await this.issuers.profileInput(awardingBodyId)),
      id: this.issuers.issuerUrl(awardingBodyId),
    };
    const unsigned = clrToSign({
      credentialId,
      issuedAt,
      learnerId,
      issuer,
      credentials: credentials.map(({ credentialId: id, jwt }) => ({ credentialId: id, jwt })),
      credits,
      statusListUrl: `${this.issuers.statusListsUrl()}/${listId}`,
      statusIndex: slot!.index,
    });
    const key = await this.issuers.signingKey(awardingBodyId);
    const jwt = this.metrics.signed('jwt', () => signCredential(unsigned, key, issuedAt));
    // A verifier reads a learner record of at most MAX_RECORD_JWT_BYTES, and checks at most MAX_HELD_CREDENTIALS of
    // the credentials it holds; a larger record could not be checked by anyone.
    if (Buffer.byteLength(jwt) > MAX_RECORD_JWT_BYTES || credentials.length > MAX_HELD_CREDENTIALS)
      throw new UnprocessableEntityException({
        message: `Your ${credentials.length} credentials from this awarding body make a record larger than verifiers read (${MAX_HELD_CREDENTIALS} credentials, ${MAX_RECORD_JWT_BYTES / 1024} KB).`,
        errors: [{ field: 'awardingBodyId', message: 'too many credentials for one record' }],
      });
    return { jwt, listId, statusIndex: slot!.index, issuerId: issuer.id };
  }

  /** The learner's credentials from the body that are neither revoked nor suspended, newest first. */
  private async goodStanding(learnerId: string, awardingBodyId: string): Promise<IssuedCredential[]> {
    const found: IssuedCredential[] = [];
    for (let page = 1; ; page++) {
      const next = await this.issuing.credentialsOfBody({ awardingBodyId, learnerId }, { ...PAGE, page });
      found.push(...next.items);
      if (next.items.length < PAGE.pageSize) break;
    }
    const changesOf = groupByCredential(
      await this.statusChanges.statusChangesOfMany(found.map((c) => c.credentialId)),
    );
    const held = found.filter(
      (credential) => currentStatus(changesOf.get(credential.credentialId) ?? []).state === 'active',
    );
    if (held.length === 0)
      throw new UnprocessableEntityException({
        message:
          'You hold no credentials in good standing from this awarding body, so there is no record to make.',
        errors: [
          { field: 'awardingBodyId', message: 'no credentials in good standing from this awarding body' },
        ],
      });
    return held;
  }

  private async statusOf(credentialId: string): Promise<CurrentStatus> {
    return currentStatus(await this.statusChanges.statusChangesOf(credentialId));
  }
}

function groupByCredential(changes: readonly StatusChange[]): Map<string, StatusChange[]> {
  const grouped = new Map<string, StatusChange[]>();
  for (const change of changes)
    grouped.set(change.credentialId, [...(grouped.get(change.credentialId) ?? []), change]);
  return grouped;
}
