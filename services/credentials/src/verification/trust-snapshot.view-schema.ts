import type { ViewFits } from '@lib/platform';
import { z } from 'zod';
import type { TrustSnapshotsService } from './trust-snapshots.service';

/** `TrustSnapshotFile`: what an employer saves once and gives to `npm run -s verify -- --offline ... --trust`. */
export const trustSnapshotView = z.object({
  type: z.literal('CreditBridgeTrustSnapshot'),
  version: z.literal(1),
  jws: z
    .string()
    .describe(
      "Compact JWS (typ trust-list-snapshot+jwt) by the hub's trust-list key, named in its header `jwk`: the trust list with our awarding bodies' public keys, and when it was taken",
    ),
});

// What the service returns fits what the document says (checked by the compiler).
export type TrustSnapshotViewFits = ViewFits<
  Awaited<ReturnType<TrustSnapshotsService['snapshot']>>,
  typeof trustSnapshotView
>;
