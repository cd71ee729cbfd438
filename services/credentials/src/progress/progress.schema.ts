import { recordSchema } from '@lib/persistence';
import { Schema } from 'mongoose';

export const LEARNER_PROGRESS_MODEL = 'LearnerProgress';

/**
 * One fact credentials learned from an event about a learner on an offering. `_id` is the event's natural key
 * (e.g. `<enrolmentId>:attended`, `<resultId>:<version>`), so a repeated event writes the same fact again and
 * the facts can arrive in any order; the award rule reads them all.
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

/**
 * Everything known about one learner on one offering: `_id` is `<offeringId>:<learnerId>`, so the award rule
 * reads its inputs with one keyed read. Facts are only ever added, each under its natural key (a map, so a
 * repeated event sets the same entry again), by one atomic update of this document.
 */
export interface LearnerProgress {
  _id: string;
  offeringId: string;
  learnerId: string;
  facts: Record<string, ProgressFact>;
}

export const LearnerProgressSchema = new Schema(
  {
    _id: { type: String, required: true },
    offeringId: { type: String, required: true },
    learnerId: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);

export const OFFERING_FACT_MODEL = 'OfferingFact';
export const ORGANISATION_FACT_MODEL = 'OrganisationFact';
export const PARTNER_AUTHORISATIONS_MODEL = 'PartnerAuthorisations';

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

/**
 * A partner's grants and withdrawals for one course: `_id` is `<partnerId>:<courseId>`, facts added under their
 * own `_id`, so the award rule and verification read them with one keyed read.
 */
export interface PartnerAuthorisations {
  _id: string;
  partnerId: string;
  courseId: string;
  facts: Record<string, AuthorisationFact>;
}

export const PartnerAuthorisationsSchema = new Schema(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    courseId: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);
