import { recordSchema } from '@lib/persistence';

export const OFFERING_MODEL = 'Offering';
export const OFFERINGS_COLLECTION = 'offerings';
export const OFFERING_STATUS_MODEL = 'OfferingStatusChange';
export const OFFERING_STATUS_COLLECTION = 'offering_status_changes';

export const OFFERING_STATUSES = ['draft', 'open', 'closed', 'completed'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** One run of a course by a delivering organisation. Created as a draft; its status moves by status records. */
export interface Offering {
  _id: string;
  courseId: string;
  awardingBodyId: string;
  deliveringOrganisationId: string;
  startDate: string;
  endDate: string;
  mode: 'in-person' | 'online' | 'blended';
  location?: string;
  capacity: number;
  enrolmentOpensAt: Date;
  enrolmentClosesAt: Date;
  createdBy: string;
  createdAt: Date;
}

/** A status reached: `_id` is `<offeringId>:<status>`, so each status is reached once, even under concurrent requests. */
export interface OfferingStatusChange {
  _id: string;
  offeringId: string;
  status: Exclude<OfferingStatus, 'draft'>;
  changedBy: string;
  changedAt: Date;
}

export const OfferingSchema = recordSchema({
  courseId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  deliveringOrganisationId: { type: String, required: true },
  startDate: { type: String, required: true },
  endDate: { type: String, required: true },
  mode: { type: String, required: true },
  location: String,
  capacity: { type: Number, required: true },
  enrolmentOpensAt: { type: Date, required: true },
  enrolmentClosesAt: { type: Date, required: true },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
OfferingSchema.index({ awardingBodyId: 1, startDate: -1 });
OfferingSchema.index({ deliveringOrganisationId: 1, startDate: -1 });

export const OfferingStatusChangeSchema = recordSchema(
  {
    offeringId: { type: String, required: true },
    status: { type: String, required: true },
    changedBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { outbox: true },
);
