import { plainText } from '@lib/contracts';
import { z } from 'zod';
import { learnerDetails } from '../learners/learner.dto';

export const enrolBody = z
  .strictObject({
    learnerId: z.uuid().optional(),
    learner: learnerDetails.optional(),
  })
  .refine((body) => (body.learnerId === undefined) !== (body.learner === undefined), {
    message: 'give either learnerId (a registered learner) or learner (their details), not both',
    path: ['learner'],
  });

export const withdrawBody = z.strictObject({ reason: plainText(1000).optional() });

export const completionBody = z.strictObject({ attendance: z.enum(['attended', 'did-not-attend']) });

export type EnrolBody = z.output<typeof enrolBody>;
export type WithdrawBody = z.output<typeof withdrawBody>;
export type CompletionBody = z.output<typeof completionBody>;
