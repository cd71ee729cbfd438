import { plainText } from '@lib/contracts';
import { z } from 'zod';

/**
 * The credential whose status changes: an award's `urn:uuid:`, or whatever URL a credential issued through the VC-API
 * took as its id (percent-encoded in the path).
 */
export const statusCredentialId = z
  .string()
  .max(2000)
  .regex(
    /^[a-z][a-z0-9+.-]*:\S+$/i,
    'must be a credential’s id: urn:uuid:<uuid>, or the URL (percent-encoded) of one issued through the VC-API',
  );

/** Why a credential is revoked or suspended: kept with the status change. */
export const reasonBody = z.strictObject({ reason: plainText(1000) });
export const optionalReasonBody = z.strictObject({ reason: plainText(1000).optional() });

export type ReasonBody = z.output<typeof reasonBody>;
export type OptionalReasonBody = z.output<typeof optionalReasonBody>;
