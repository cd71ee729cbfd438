import { timestamp } from '@lib/contracts';
import { z } from 'zod';

/** `TrustListEntry`: our own awarding bodies have no `addedAt`. */
export const trustListEntryView = z.object({
  issuerId: z.string(),
  name: z.string(),
  jwksUrl: z.url(),
  kind: z.enum(['own', 'external']),
  trustedBy: z.enum(['hub', 'organisation']),
  addedAt: timestamp.optional(),
});
