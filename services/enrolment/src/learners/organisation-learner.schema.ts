import { recordSchema } from '@lib/persistence';

export const ORGANISATION_LEARNER_MODEL = 'OrganisationLearner';
export const ORGANISATION_LEARNERS_COLLECTION = 'organisation_learners';

/**
 * One organisation's record of a learner: the shared learner id with the details that organisation gave. Staff see
 * their own organisation's records only, so registering an email answers the same whether or not another
 * organisation knows it. `_id` is `<organisationId>:<email>` (the email is lower-cased, the id is a uuid).
 */
export interface OrganisationLearner {
  _id: string;
  organisationId: string;
  learnerId: string;
  email: string;
  givenName: string;
  familyName: string;
  externalIds: { scheme: string; value: string }[];
  registeredBy: string;
  registeredAt: Date;
}

export const OrganisationLearnerSchema = recordSchema({
  organisationId: { type: String, required: true },
  learnerId: { type: String, required: true },
  email: { type: String, required: true },
  givenName: { type: String, required: true },
  familyName: { type: String, required: true },
  externalIds: { type: [{ _id: false, scheme: String, value: String }], default: [] },
  registeredBy: { type: String, required: true },
  registeredAt: { type: Date, required: true },
});
// One record per organisation and learner: a learner's email never changes, so this follows from the `_id`.
OrganisationLearnerSchema.index({ organisationId: 1, learnerId: 1 }, { unique: true });
