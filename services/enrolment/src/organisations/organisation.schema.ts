import { recordSchema } from '@lib/persistence';

export const ORGANISATION_MODEL = 'Organisation';
export const ORGANISATIONS_COLLECTION = 'organisations';

export type OrganisationKind = 'awarding-body' | 'partner';

export interface Organisation {
  _id: string;
  kind: OrganisationKind;
  name: string;
  url?: string;
  email?: string;
  ukprn?: string;
  registeredBy: string;
  registeredAt: Date;
}

export const OrganisationSchema = recordSchema(
  {
    kind: { type: String, required: true },
    name: { type: String, required: true },
    url: String,
    email: String,
    ukprn: String,
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { outbox: true },
);
OrganisationSchema.index({ name: 1 }, { unique: true });
