import type { Actor } from '@lib/auth';
import type { Page, Pagination } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { CoursesRepository } from '../courses/courses.repository';
import { OfferingsRepository } from '../offerings/offerings.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { EnrolmentsService } from './enrolments.service';
import { type OwnEnrolmentView, toOwnEnrolmentViews } from './own-enrolment-view';

const distinct = (ids: string[]) => [...new Set(ids)];

/** A learner's own enrolments with their courses, runs and organisations: one read by key per kind, not per item. */
@Injectable()
export class OwnEnrolmentsService {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly offerings: OfferingsRepository,
    private readonly courses: CoursesRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async list(actor: Actor, pagination: Pagination): Promise<Page<OwnEnrolmentView>> {
    const page = await this.enrolments.listOwn(actor, pagination);
    const offerings = await this.offerings.findByIds(distinct(page.items.map((view) => view.offeringId)));
    const [courses, organisations] = await Promise.all([
      this.courses.findByIds(distinct(offerings.map((offering) => offering.courseId))),
      this.organisations.findByIds(
        distinct(offerings.flatMap((o) => [o.awardingBodyId, o.deliveringOrganisationId])),
      ),
    ]);
    return { ...page, items: toOwnEnrolmentViews(page.items, { offerings, courses, organisations }) };
  }
}
