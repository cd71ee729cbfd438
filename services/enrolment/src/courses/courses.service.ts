import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { coursePublishedV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { mapPage, type Page, type Pagination } from '@lib/persistence';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { isAdmin, notFound, organisationOf } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import { AuthorisationsRepository } from '../authorisations/authorisations.repository';
import { OrganisationsService } from '../organisations/organisations.service';
import type { PublishCourseBody } from './course.dto';
import type { Course } from './course.schema';
import { CoursesRepository } from './courses.repository';

export type CourseView = Omit<Course, '_id' | 'publishedAt'> & { id: string; publishedAt: string };

@Injectable()
export class CoursesService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly authorisations: AuthorisationsRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /** A registrar publishes a course of their own awarding body. */
  async publish(actor: Actor, body: PublishCourseBody): Promise<CourseView> {
    const awardingBodyId = organisationOf(actor);
    const organisation = await this.organisations.find(awardingBodyId);
    if (organisation?.kind !== 'awarding-body') {
      throw new ForbiddenException('Only a registrar of an awarding body can publish courses.');
    }
    const course: Course = {
      _id: randomUUID(),
      awardingBodyId,
      ...body,
      credits: { value: body.credits, scheme: 'UK' },
      publishedBy: actor.sub,
      publishedAt: new Date(),
    };
    const { _id, publishedAt, ...facts } = course;
    const event = outboxEvent(coursePublishedV1, {
      courseId: _id,
      ...facts,
      publishedAt: publishedAt.toISOString(),
    });
    if (!(await this.courses.insert({ ...course, ...withOutbox(EVENT_SOURCE, event) }))) {
      throw new ConflictException(`Your awarding body has a course with code ${body.code} already.`);
    }
    return toView(course);
  }

  async get(actor: Actor, id: string): Promise<CourseView> {
    return toView(await this.visible(actor, id));
  }

  /** The course if the caller may see it: its awarding body's staff, partners ever authorised for it, admins. */
  async visible(actor: Actor, id: string): Promise<Course> {
    const course = await this.courses.findById(id);
    if (!course || !(await this.canSee(actor, course))) throw notFound('course', id);
    return course;
  }

  async list(actor: Actor, pagination: Pagination): Promise<Page<CourseView>> {
    const org = organisationOf(actor);
    const scope = hasRole(actor, 'partner')
      ? { ids: await this.authorisations.courseIdsForPartner(org) }
      : { awardingBodyId: org };
    const page = await this.courses.list(scope, pagination);
    return mapPage(page, toView);
  }

  private async canSee(actor: Actor, course: Course): Promise<boolean> {
    if (isAdmin(actor) || actor.org === course.awardingBodyId) return true;
    return (
      actor.org !== undefined &&
      (await this.authorisations.courseIdsForPartner(actor.org)).includes(course._id)
    );
  }
}

export function toView(course: Course): CourseView {
  const { _id, publishedAt, ...rest } = course;
  return { id: _id, ...rest, publishedAt: publishedAt.toISOString() };
}
