import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { offeringPublishedV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import type { Page, Pagination } from '@lib/persistence';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { AuthorisationsService } from '../authorisations/authorisations.service';
import { isAdmin, notFound, organisationOf } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import type { Course } from '../courses/course.schema';
import { CoursesRepository } from '../courses/courses.repository';
import { OrganisationsService } from '../organisations/organisations.service';
import { type CreateOfferingBody, STATUS_ACTIONS, type StatusAction } from './offering.dto';
import type { Offering, OfferingStatus } from './offering.schema';
import { currentStatus, transitionProblem } from './offering-status';
import { OfferingsRepository } from './offerings.repository';

export interface OfferingView extends Omit<
  Offering,
  '_id' | 'createdBy' | 'createdAt' | 'enrolmentOpensAt' | 'enrolmentClosesAt'
> {
  id: string;
  courseCode: string;
  courseTitle: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
  status: OfferingStatus;
}

/** An offering with what the enrolment rules need to know about it. */
export interface OfferingInContext {
  offering: Offering;
  course: Course;
  status: OfferingStatus;
}

@Injectable()
export class OfferingsService {
  constructor(
    private readonly offerings: OfferingsRepository,
    private readonly courses: CoursesRepository,
    private readonly organisations: OrganisationsService,
    private readonly authorisations: AuthorisationsService,
  ) {}

  /** A registrar of the course's awarding body, or the delivering partner itself, creates a draft offering. */
  async create(actor: Actor, body: CreateOfferingBody): Promise<OfferingView> {
    const course = await this.courses.findById(body.courseId);
    const org = organisationOf(actor);
    const allowed =
      course &&
      (org === course.awardingBodyId || (hasRole(actor, 'partner') && org === body.deliveringOrganisationId));
    if (!course || !allowed) throw notFound('course', body.courseId);
    if (!(await this.organisations.find(body.deliveringOrganisationId)))
      throw notFound('organisation', body.deliveringOrganisationId);
    const offering: Offering = {
      _id: randomUUID(),
      ...body,
      awardingBodyId: course.awardingBodyId,
      enrolmentOpensAt: new Date(body.enrolmentOpensAt),
      enrolmentClosesAt: new Date(body.enrolmentClosesAt),
      createdBy: actor.sub,
      createdAt: new Date(),
    };
    await this.requireAuthorised(offering, course);
    await this.offerings.insert(offering);
    return toView({ offering, course, status: 'draft' });
  }

  async changeStatus(actor: Actor, id: string, action: StatusAction): Promise<OfferingView> {
    const context = await this.managed(actor, id);
    const to = STATUS_ACTIONS[action];
    const problem = transitionProblem(context.status, to);
    if (problem) throw new ConflictException(problem);
    if (to === 'open') await this.requireAuthorised(context.offering, context.course);
    const changedAt = new Date();
    const events =
      to === 'open' ? [outboxEvent(offeringPublishedV1, publishedEvent(context, actor.sub, changedAt))] : [];
    const inserted = await this.offerings.insertStatus({
      _id: `${id}:${to}`,
      offeringId: id,
      status: to,
      changedBy: actor.sub,
      changedAt,
      ...withOutbox(EVENT_SOURCE, ...events),
    });
    if (!inserted) throw new ConflictException(`The offering is ${to} already.`);
    return toView({ ...context, status: to });
  }

  async get(actor: Actor, id: string): Promise<OfferingView> {
    return toView(await this.managed(actor, id));
  }

  async list(actor: Actor, pagination: Pagination): Promise<Page<OfferingView>> {
    const org = organisationOf(actor);
    const scope = (await this.delivers(actor, org))
      ? { deliveringOrganisationId: org }
      : { awardingBodyId: org };
    const page = await this.offerings.list(scope, pagination);
    const changes = await this.offerings.statusChanges(page.items.map((offering) => offering._id));
    const courses = new Map<string, Course>();
    for (const courseId of new Set(page.items.map((offering) => offering.courseId))) {
      const course = await this.courses.findById(courseId);
      if (course) courses.set(courseId, course);
    }
    const items = page.items.map((offering) =>
      toView({
        offering,
        course: courses.get(offering.courseId)!,
        status: currentStatus(changes.filter((c) => c.offeringId === offering._id)),
      }),
    );
    return { ...page, items };
  }

  /**
   * Whether the caller's list is of the offerings their organisation delivers rather than awards: a partner's staff,
   * and an assessor of a partner organisation (who marks what it delivers).
   */
  private async delivers(actor: Actor, org: string): Promise<boolean> {
    if (hasRole(actor, 'partner')) return true;
    if (!hasRole(actor, 'assessor')) return false;
    return (await this.organisations.find(org))?.kind === 'partner';
  }

  /** The offering if the caller runs it: staff of its awarding body or of its delivering organisation, or an admin. */
  async managed(actor: Actor, id: string): Promise<OfferingInContext> {
    const context = await this.find(id);
    const runs =
      context &&
      (isAdmin(actor) ||
        actor.org === context.offering.awardingBodyId ||
        actor.org === context.offering.deliveringOrganisationId);
    if (!context || !runs) throw notFound('offering', id);
    return context;
  }

  async find(id: string): Promise<OfferingInContext | null> {
    const offering = await this.offerings.findById(id);
    if (!offering) return null;
    const [course, changes] = await Promise.all([
      this.courses.findById(offering.courseId),
      this.offerings.statusChanges([id]),
    ]);
    return { offering, course: course!, status: currentStatus(changes) };
  }

  private async requireAuthorised(offering: Offering, course: Course): Promise<void> {
    if (offering.deliveringOrganisationId === course.awardingBodyId) return;
    if (
      !(await this.authorisations.isAuthorised(
        offering.deliveringOrganisationId,
        course._id,
        offering.startDate,
      ))
    ) {
      throw new ForbiddenException(
        `The delivering organisation is not authorised by the awarding body to deliver ${course.code} on ${offering.startDate}.`,
      );
    }
  }
}

function publishedEvent({ offering, course }: OfferingInContext, by: string, at: Date) {
  return {
    offeringId: offering._id,
    courseId: course._id,
    courseCode: course.code,
    courseTitle: course.title,
    awardingBodyId: offering.awardingBodyId,
    deliveringOrganisationId: offering.deliveringOrganisationId,
    startDate: offering.startDate,
    endDate: offering.endDate,
    mode: offering.mode,
    ...(offering.location ? { location: offering.location } : {}),
    capacity: offering.capacity,
    credits: course.credits,
    level: course.level,
    publishedBy: by,
    publishedAt: at.toISOString(),
  };
}

function toView({ offering, course, status }: OfferingInContext): OfferingView {
  const { _id, createdBy: _by, createdAt: _at, enrolmentOpensAt, enrolmentClosesAt, ...rest } = offering;
  return {
    id: _id,
    ...rest,
    courseCode: course.code,
    courseTitle: course.title,
    enrolmentOpensAt: enrolmentOpensAt.toISOString(),
    enrolmentClosesAt: enrolmentClosesAt.toISOString(),
    status,
  };
}
