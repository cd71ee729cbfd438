import type { Actor } from '@lib/auth';
import { Injectable } from '@nestjs/common';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { OfferingsRepository } from '../offerings/offerings.repository';
import type { Learner } from './learner.schema';
import { learnerAccess } from './learner-access';

/** Decides whether a caller may see a learner, asking the enrolments when the rule needs them. */
@Injectable()
export class LearnerAccessService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly offerings: OfferingsRepository,
  ) {}

  async canSee(actor: Actor, learner: Learner): Promise<boolean> {
    const access = learnerAccess(actor, learner);
    if (typeof access === 'string') return access === 'granted';
    // The learner's own enrolments and their offerings, by key: a learner has few, an organisation runs many.
    const enrolments = await this.enrolments.forLearner(learner._id);
    const offerings = await this.offerings.findByIds(enrolments.map((enrolment) => enrolment.offeringId));
    return offerings.some(
      (offering) =>
        offering.awardingBodyId === access.ifEnrolledWith ||
        offering.deliveringOrganisationId === access.ifEnrolledWith,
    );
  }
}
