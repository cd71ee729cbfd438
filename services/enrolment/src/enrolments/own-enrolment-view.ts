import type { Course } from '../courses/course.schema';
import type { Offering } from '../offerings/offering.schema';
import type { Organisation } from '../organisations/organisation.schema';
import type { EnrolmentView } from './enrolment-view';

/** An enrolment as its learner sees it: with what lets them recognise it (the course, its run and who runs it). */
export interface OwnEnrolmentView extends EnrolmentView {
  course: { id: string; code: string; title: string };
  offering: Pick<Offering, 'startDate' | 'endDate' | 'mode' | 'location'>;
  awardingBody: { id: string; name: string };
  deliveringPartner: { id: string; name: string };
}

/** What the learner's enrolments refer to, read by key in one batch per kind. */
export interface OwnEnrolmentContext {
  offerings: Offering[];
  courses: Course[];
  organisations: Organisation[];
}

/**
 * Adds to each view its course, run and organisations. Each is recorded before any enrolment on the offering, in
 * this service, so a missing one is a broken record, not a fact still travelling.
 */
export function toOwnEnrolmentViews(
  views: EnrolmentView[],
  context: OwnEnrolmentContext,
): OwnEnrolmentView[] {
  const offerings = new Map(context.offerings.map((offering) => [offering._id, offering]));
  const courses = new Map(context.courses.map((course) => [course._id, course]));
  const organisations = new Map(
    context.organisations.map((organisation) => [organisation._id, organisation]),
  );
  const named = (id: string) => ({ id, name: required(organisations.get(id), 'organisation', id).name });
  return views.map((view) => {
    const offering = required(offerings.get(view.offeringId), 'offering', view.offeringId);
    const course = required(courses.get(offering.courseId), 'course', offering.courseId);
    return {
      ...view,
      course: { id: course._id, code: course.code, title: course.title },
      offering: {
        startDate: offering.startDate,
        endDate: offering.endDate,
        mode: offering.mode,
        ...(offering.location ? { location: offering.location } : {}),
      },
      awardingBody: named(offering.awardingBodyId),
      deliveringPartner: named(offering.deliveringOrganisationId),
    };
  });
}

function required<T>(found: T | undefined, what: string, id: string): T {
  if (!found) throw new Error(`The ${what} ${id} of a learner's enrolment is not recorded.`);
  return found;
}
