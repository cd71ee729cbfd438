import type { CoursePublishedV1, OfferingPublishedV1 } from '@lib/contracts';
import { Injectable } from '@nestjs/common';
import { MarksService } from '../results/marks.service';
import { CatalogueRepository } from './catalogue.repository';
import type { EnrolmentFact } from './catalogue.schema';
import { enrolmentFactId } from './enrolment-standing';

/** The enrolment facts every enrolment event carries. */
export interface EnrolmentEventScope {
  enrolmentId: string;
  offeringId: string;
  learnerId: string;
}

/** One enrolment event's fact: the enrolment it is about, what it tells and when (ISO). */
export interface EnrolmentFactTold {
  event: EnrolmentEventScope;
  fact: EnrolmentFact['fact'];
  at: string;
}

/** Learns courses, offerings and enrolments from the enrolment service; every write is an idempotent insert. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly marks: MarksService,
  ) {}

  learnCourse(course: CoursePublishedV1): Promise<void> {
    return this.catalogue.addCourse({
      _id: course.courseId,
      awardingBodyId: course.awardingBodyId,
      code: course.code,
      title: course.title,
    });
  }

  learnOffering(offering: OfferingPublishedV1): Promise<void> {
    return this.catalogue.addOffering({
      _id: offering.offeringId,
      courseId: offering.courseId,
      awardingBodyId: offering.awardingBodyId,
      deliveringOrganisationId: offering.deliveringOrganisationId,
    });
  }

  /**
   * Records a batch's facts in one insert, then announces marks that were waiting for these enrolments. Every fact
   * is written before any is read, and a standing does not depend on the facts' order, so a batch gives the releases
   * the events one by one would (a batch is one topic's events: an enrolment has at most one fact in it).
   */
  async learnEnrolmentFacts(told: readonly EnrolmentFactTold[]): Promise<void> {
    await this.catalogue.addFacts(
      told.map(({ event, fact, at }) => ({
        _id: enrolmentFactId(event.offeringId, event.learnerId, fact),
        enrolmentId: event.enrolmentId,
        offeringId: event.offeringId,
        learnerId: event.learnerId,
        fact,
        at: new Date(at),
      })),
    );
    await this.marks.releaseWaitingMany(told.map(({ event }) => event));
  }
}
