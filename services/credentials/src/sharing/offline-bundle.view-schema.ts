import type { ViewFits } from '@lib/platform';
import { OFFLINE_BUNDLE_TYPE, type OfflineBundle } from '@lib/vc';
import { z } from 'zod';

/** An offline bundle is a JSON document of its own media type, so that nothing takes it for a bare credential. */
export const OFFLINE_BUNDLE_MEDIA_TYPE = 'application/vnd.credit-bridge.offline-bundle+json';

const document = z.object({
  role: z.enum(['jwks', 'did-document', 'status-list']),
  url: z.url(),
  mediaType: z.string(),
  body: z.string().describe('the document as its URL served it at the snapshot'),
});

/** `OfflineBundle` as the API documents it. */
export const offlineBundleView = z.object({
  type: z.literal(OFFLINE_BUNDLE_TYPE),
  version: z.literal(1),
  snapshotAt: z.iso.datetime().describe('when the keys, status lists and trust were read'),
  issuer: z.object({
    id: z.url(),
    did: z.string().optional(),
    profile: z.looseObject({}),
    trustListEntry: z.object({
      issuerId: z.string(),
      name: z.string().optional(),
      jwksUrl: z.url().optional(),
      kind: z.enum(['own', 'external']),
      trustedBy: z.string().optional(),
    }),
  }),
  contents: z.array(
    z.object({
      kind: z
        .enum(['credential', 'clr'])
        .describe(
          'credential: a credential, with its hold slot and partner answer; clr: a learner record (CLR 2.0), always first, followed by each credential it holds',
        ),
      id: z.string(),
      jwt: z.string(),
      dataIntegrity: z.looseObject({}).optional(),
      hold: z.object({ listUrl: z.url(), index: z.int() }).optional(),
      partner: z.object({ partnerId: z.string(), authorised: z.boolean() }).optional(),
    }),
  ),
  documents: z.array(document),
  seal: z.string().describe('a compact JWS by the issuer’s key over the SHA-256 of every part'),
});

export type OfflineBundleViewFits = ViewFits<OfflineBundle, typeof offlineBundleView>;
