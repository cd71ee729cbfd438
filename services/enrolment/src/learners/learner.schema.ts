import { recordSchema } from '@lib/persistence';

export const LEARNER_MODEL = 'Learner';
export const LEARNERS_COLLECTION = 'learners';

/**
 * A person who learns, one per email across every organisation. Their `_id` is the stable learner id (also the
 * subject of their access token and of their credentials); the details are those given when the email was first
 * registered, shown to the learner themself. Staff see their own organisation's record instead
 * (`organisation-learner.schema.ts`). Personal data lives in these two and in the events that need it, nowhere else.
 */
export interface Learner {
  _id: string;
  email: string;
  givenName: string;
  familyName: string;
  externalIds: { scheme: string; value: string }[];
  registeredBy: string;
  registeredByOrganisationId?: string;
  registeredAt: Date;
}

export const LearnerSchema = recordSchema({
  email: { type: String, required: true },
  givenName: { type: String, required: true },
  familyName: { type: String, required: true },
  externalIds: { type: [{ _id: false, scheme: String, value: String }], default: [] },
  registeredBy: { type: String, required: true },
  registeredByOrganisationId: String,
  registeredAt: { type: Date, required: true },
});
LearnerSchema.index({ email: 1 }, { unique: true });
