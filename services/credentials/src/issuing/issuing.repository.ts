import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AWARD_HOLD_MODEL,
  type AwardHold,
  ISSUED_CREDENTIAL_MODEL,
  type IssuedCredential,
  STATUS_ALLOCATION_MODEL,
  type StatusAllocation,
} from './issued-credential.schema';
import {
  AUTHORISATION_FACT_MODEL,
  type AuthorisationFact,
  OFFERING_FACT_MODEL,
  type OfferingFact,
  ORGANISATION_FACT_MODEL,
  type OrganisationFact,
  PROGRESS_FACT_MODEL,
  type ProgressFact,
} from './progress.schema';
import { STATUS_CHANGE_MODEL, type StatusChange } from './status-change.schema';

/** Credentials' own record of progress, and what it issued or held. Every write is an insert under a unique key. */
@Injectable()
export class IssuingRepository {
  constructor(
    @InjectModel(PROGRESS_FACT_MODEL) private readonly progress: Model<ProgressFact>,
    @InjectModel(OFFERING_FACT_MODEL) private readonly offerings: Model<OfferingFact>,
    @InjectModel(ORGANISATION_FACT_MODEL) private readonly organisations: Model<OrganisationFact>,
    @InjectModel(AUTHORISATION_FACT_MODEL) private readonly authorisations: Model<AuthorisationFact>,
    @InjectModel(ISSUED_CREDENTIAL_MODEL) private readonly credentials: Model<IssuedCredential>,
    @InjectModel(STATUS_ALLOCATION_MODEL) private readonly allocations: Model<StatusAllocation>,
    @InjectModel(AWARD_HOLD_MODEL) private readonly holds: Model<AwardHold>,
    @InjectModel(STATUS_CHANGE_MODEL) private readonly statusChanges: Model<StatusChange>,
  ) {}

  addProgress(fact: ProgressFact): Promise<boolean> {
    return insertOnce(this.progress, fact);
  }

  addOffering(fact: OfferingFact): Promise<boolean> {
    return insertOnce(this.offerings, fact);
  }

  addOrganisation(fact: OrganisationFact): Promise<boolean> {
    return insertOnce(this.organisations, fact);
  }

  addAuthorisation(fact: AuthorisationFact): Promise<boolean> {
    return insertOnce(this.authorisations, fact);
  }

  progressOf(offeringId: string, learnerId: string): Promise<ProgressFact[]> {
    return this.progress.find({ offeringId, learnerId }).lean<ProgressFact[]>().exec();
  }

  async learnersOf(offeringIds: string[]): Promise<{ offeringId: string; learnerId: string }[]> {
    const facts = await this.progress
      .find({ offeringId: { $in: offeringIds } }, { offeringId: 1, learnerId: 1 })
      .lean<ProgressFact[]>()
      .exec();
    const pairs = new Map(
      facts.map((fact) => [
        `${fact.offeringId}:${fact.learnerId}`,
        { offeringId: fact.offeringId, learnerId: fact.learnerId },
      ]),
    );
    return [...pairs.values()];
  }

  offering(id: string): Promise<OfferingFact | null> {
    return this.offerings.findById(id).lean<OfferingFact>().exec();
  }

  offeringsOfAwardingBody(awardingBodyId: string): Promise<OfferingFact[]> {
    return this.offerings.find({ awardingBodyId }).lean<OfferingFact[]>().exec();
  }

  offeringsOfCourse(courseId: string): Promise<OfferingFact[]> {
    return this.offerings.find({ courseId }).lean<OfferingFact[]>().exec();
  }

  organisation(id: string): Promise<OrganisationFact | null> {
    return this.organisations.findById(id).lean<OrganisationFact>().exec();
  }

  authorisationsOf(partnerId: string, courseId: string): Promise<AuthorisationFact[]> {
    return this.authorisations.find({ partnerId, courseId }).lean<AuthorisationFact[]>().exec();
  }

  credential(key: string): Promise<IssuedCredential | null> {
    return this.credentials.findById(key, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  credentialsOf(learnerId: string, pagination: Pagination): Promise<Page<IssuedCredential>> {
    return findPage(this.credentials, { learnerId }, { issuedAt: -1 }, pagination);
  }

  credentialById(credentialId: string): Promise<IssuedCredential | null> {
    return this.credentials.findOne({ credentialId }, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  /** False when that change was made already (another registrar acted at the same moment). */
  insertStatusChange(change: StatusChange & OutboxFields): Promise<boolean> {
    return insertOnce(this.statusChanges, change);
  }

  /** A credential's status changes in order, read by their keys `<credentialId>:<n>` (no scan). */
  async statusChangesOf(credentialId: string): Promise<StatusChange[]> {
    const changes: StatusChange[] = [];
    for (;;) {
      const next = await this.statusChanges
        .findById(`${credentialId}:${changes.length + 1}`, WITHOUT_OUTBOX)
        .lean<StatusChange>()
        .exec();
      if (!next) return changes;
      changes.push(next);
    }
  }

  statusChangesOfIssuer(awardingBodyId: string): Promise<StatusChange[]> {
    return this.statusChanges.find({ awardingBodyId }, WITHOUT_OUTBOX).lean<StatusChange[]>().exec();
  }

  /** False when the credential exists already: another delivery or process issued it first. */
  insertCredential(credential: IssuedCredential & OutboxFields): Promise<boolean> {
    return insertOnce(this.credentials, credential);
  }

  allocate(allocation: StatusAllocation): Promise<boolean> {
    return insertOnce(this.allocations, allocation);
  }

  insertHold(hold: AwardHold): Promise<boolean> {
    return insertOnce(this.holds, hold);
  }

  holdsOf(awardingBodyId: string, pagination: Pagination): Promise<Page<AwardHold>> {
    return findPage(this.holds, { awardingBodyId }, { heldAt: -1 }, pagination);
  }
}
