import { plainText } from '@lib/contracts';
import { z } from 'zod';

export const grantAuthorisationBody = z
  .strictObject({
    partnerId: z.uuid(),
    courseId: z.uuid(),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().optional(),
  })
  .refine((body) => body.validUntil === undefined || body.validUntil >= body.validFrom, {
    path: ['validUntil'],
    message: 'must not be before validFrom',
  });

export const withdrawAuthorisationBody = z.strictObject({
  reason: plainText(1000),
  effectiveFrom: z.iso.date().optional().describe('default: today'),
});

export type GrantAuthorisationBody = z.output<typeof grantAuthorisationBody>;
export type WithdrawAuthorisationBody = z.output<typeof withdrawAuthorisationBody>;
