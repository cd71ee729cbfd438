import { recordSchema } from '@lib/persistence';

export const KNOWN_COURSE_MODEL = 'KnownCourse';
export const KNOWN_OFFERING_MODEL = 'KnownOffering';
export const ENROLMENT_FACT_MODEL = 'EnrolmentFact';

/** What assessment knows of a course, from `enrolment.course.published.v1`. */
export interface KnownCourse {
  _id: string;
  awardingBodyId: string;
  code: string;
  title: string;
}

/** What assessment knows of an offering, from `enrolment.offering.published.v1`. */
export interface KnownOffering {
  _id: string;
  courseId: string;
  awardingBodyId: string;
  deliveringOrganisationId: string;
}

/**
 * One fact about an enrolment, as an event told it: `_id` is `<offeringId>:<learnerId>:<fact>` (see
 * `enrolmentFactId`), so a repeated event is a duplicate insert, the facts can arrive in any order, and a learner's
 * facts are read by `_id`. Never updated.
 */
export interface EnrolmentFact {
  _id: string;
  enrolmentId: string;
  offeringId: string;
  learnerId: string;
  fact: 'enrolled' | 'waitlisted' | 'promoted' | 'withdrawn' | 'attended' | 'did-not-attend';
  at: Date;
}

export const KnownCourseSchema = recordSchema({
  awardingBodyId: { type: String, required: true },
  code: { type: String, required: true },
  title: { type: String, required: true },
});

export const KnownOfferingSchema = recordSchema({
  courseId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  deliveringOrganisationId: { type: String, required: true },
});

export const EnrolmentFactSchema = recordSchema({
  enrolmentId: { type: String, required: true },
  offeringId: { type: String, required: true },
  learnerId: { type: String, required: true },
  fact: { type: String, required: true },
  at: { type: Date, required: true },
});
