import { recordSchema } from '@lib/persistence';

export const PROGRESS_FACT_MODEL = 'ProgressFact';

/**
 * One fact credentials learned from an event about a learner on an offering. `_id` is the event's natural key
 * (e.g. `<enrolmentId>:attended`, `<resultId>:<version>`), so repeated events are duplicate inserts and the
 * facts can arrive in any order; the award rule reads them all.
 */
export interface ProgressFact {
  _id: string;
  offeringId: string;
  learnerId: string;
  kind: 'enrolled' | 'waitlisted' | 'promoted' | 'withdrawn' | 'attended' | 'did-not-attend' | 'result';
  at: Date;
  learner?: { givenName: string; familyName: string; email: string };
  result?: {
    resultId: string;
    attempt: number;
    version: number;
    overallMark: number;
    grade: string;
    passed: boolean;
  };
}

export const ProgressFactSchema = recordSchema({
  offeringId: { type: String, required: true },
  learnerId: { type: String, required: true },
  kind: { type: String, required: true },
  at: { type: Date, required: true },
  learner: { type: Object, required: false },
  result: { type: Object, required: false },
});
ProgressFactSchema.index({ offeringId: 1, learnerId: 1 });

export const OFFERING_FACT_MODEL = 'OfferingFact';
export const ORGANISATION_FACT_MODEL = 'OrganisationFact';
export const AUTHORISATION_FACT_MODEL = 'AuthorisationFact';

export interface OfferingFact {
  _id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  awardingBodyId: string;
  deliveringOrganisationId: string;
  startDate: string;
  endDate: string;
  location?: string;
}

export interface OrganisationFact {
  _id: string;
  kind: 'awarding-body' | 'partner';
  name: string;
  url?: string;
}

/** A grant (`_id` its id) or a withdrawal (`_id` `<id>:withdrawn`) of a partner's authorisation for a course. */
export interface AuthorisationFact {
  _id: string;
  authorisationId: string;
  partnerId: string;
  courseId: string;
  validFrom?: string;
  validUntil?: string;
  withdrawnFrom?: string;
}

export const OfferingFactSchema = recordSchema({
  courseId: { type: String, required: true },
  courseCode: { type: String, required: true },
  courseTitle: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  deliveringOrganisationId: { type: String, required: true },
  startDate: { type: String, required: true },
  endDate: { type: String, required: true },
  location: String,
});

export const OrganisationFactSchema = recordSchema({
  kind: { type: String, required: true },
  name: { type: String, required: true },
  url: String,
});

export const AuthorisationFactSchema = recordSchema({
  authorisationId: { type: String, required: true },
  partnerId: { type: String, required: true },
  courseId: { type: String, required: true },
  validFrom: String,
  validUntil: String,
  withdrawnFrom: String,
});
AuthorisationFactSchema.index({ partnerId: 1, courseId: 1 });
