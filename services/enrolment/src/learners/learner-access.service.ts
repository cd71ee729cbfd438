import type { Actor } from '@lib/auth';
import { Injectable } from '@nestjs/common';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { OfferingsRepository } from '../offerings/offerings.repository';
import type { Learner } from './learner.schema';
import { learnerAccess } from './learner-access';
import { OrganisationLearnersRepository } from './organisation-learners.repository';
import { asSeen, type LearnerAsSeen } from './organisation-records';

/** Decides what a caller may see of a learner, asking their organisation's records and enrolments when needed. */
@Injectable()
export class LearnerAccessService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly offerings: OfferingsRepository,
    private readonly records: OrganisationLearnersRepository,
  ) {}

  /** The learner as the caller sees them, or null when the learner is outside the caller's reach. */
  async seenBy(actor: Actor, learner: Learner): Promise<LearnerAsSeen | null> {
    const access = learnerAccess(actor, learner);
    if (access === 'granted') return learner;
    if (access === 'denied') return null;
    const own = await this.records.findOf(access.ifKnownTo, learner._id);
    if (own) return asSeen(own);
    return this.throughEnrolment(access.ifKnownTo, learner);
  }

  /** The record an enrolment on an offering the organisation runs used; the learner's own for older enrolments. */
  private async throughEnrolment(organisationId: string, learner: Learner): Promise<LearnerAsSeen | null> {
    // The learner's own enrolments and their offerings, by key: a learner has few, an organisation runs many.
    const enrolments = await this.enrolments.forLearner(learner._id);
    const offerings = await this.offerings.findByIds(enrolments.map((enrolment) => enrolment.offeringId));
    const runs = new Set(
      offerings
        .filter((o) => o.awardingBodyId === organisationId || o.deliveringOrganisationId === organisationId)
        .map((o) => o._id),
    );
    const enrolment = enrolments.find((candidate) => runs.has(candidate.offeringId));
    if (!enrolment) return null;
    if (!enrolment.learnerRecordId) return learner;
    const record = await this.records.findById(enrolment.learnerRecordId);
    return record ? asSeen(record) : learner;
  }
}
