import { plainText } from '@lib/contracts';
import { z } from 'zod';

/** Why a credential is revoked or suspended: kept with the status change. */
export const reasonBody = z.strictObject({ reason: plainText(1000) });
export const optionalReasonBody = z.strictObject({ reason: plainText(1000).optional() });

export type ReasonBody = z.output<typeof reasonBody>;
export type OptionalReasonBody = z.output<typeof optionalReasonBody>;
