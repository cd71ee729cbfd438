import { z } from 'zod';

/** Building blocks shared by event schemas, so one fact has one shape everywhere. */
export const id = z.uuid();
export const timestamp = z.iso.datetime({ offset: false });
export const date = z.iso.date();
export const credentialId = z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'must be urn:uuid:<uuid>');
export const actor = z.string().min(1).describe('the subject (sub) of the access token that did it');

/** A qualification level: the UK framework level and the matching EQF level. */
export const level = z.object({
  framework: z.enum(['FHEQ', 'RQF', 'SCQF']),
  level: z.int().min(1).max(12),
  eqfLevel: z.int().min(1).max(8),
});

/** Credits carry their scheme: 2 UK credits = 1 ECTS. */
export const credits = z.object({
  value: z.number().nonnegative(),
  scheme: z.enum(['UK', 'ECTS']),
});

/** The offering facts every enrolment event repeats, so consumers need no lookup. */
export const enrolmentScope = {
  enrolmentId: id,
  learnerId: id,
  offeringId: id,
  courseId: id,
  deliveringOrganisationId: id,
  awardingBodyId: id,
};
