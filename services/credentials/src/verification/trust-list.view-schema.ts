import type { ViewFits } from '@lib/platform';
import { timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { TrustListEntry } from './trust-list.service';

/** `TrustListEntry`: our own awarding bodies have no `addedAt`. */
export const trustListEntryView = z.object({
  issuerId: z.string(),
  name: z.string(),
  jwksUrl: z.url().optional().describe('none for a did:key issuer, which is its own key'),
  kind: z.enum(['own', 'external']),
  trustedBy: z.enum(['hub', 'organisation']),
  addedAt: timestamp.optional(),
});

// What the service returns fits what the document says (checked by the compiler).
export type TrustListEntryViewFits = ViewFits<TrustListEntry, typeof trustListEntryView>;
