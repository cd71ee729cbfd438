import { z } from 'zod';
import { credentialId, credits, id, level } from './fields';

/** What every credential event says about the credential, so consumers need not fetch it. */
export const credentialFields = {
  credentialId,
  learnerId: id,
  achievementId: z.url(),
  achievementVersion: z.int().positive(),
  achievementName: z.string().min(1),
  courseId: id,
  courseCode: z.string().min(1),
  offeringId: id,
  issuerId: z.url().describe('the issuer profile URL, as in the credential'),
  awardingBodyId: id,
  deliveringOrganisationId: id,
  credits,
  level,
  fieldOfStudy: z.string().optional(),
  learningOutcomes: z.array(z.string()).optional(),
};
