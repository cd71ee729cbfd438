import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, timestamp } from '../fields';
import { resultFields } from '../result-fields';
import { TOPICS } from '../topics';

/**
 * A ratified result was changed: a new ratified version with who, when and why. The previous version stays
 * readable; consumers act on the newest version (a pass turned into a fail revokes a credential).
 *
 * - Producer: assessment. Consumers: credentials.
 * - Key: `learnerId`.
 */
export const resultAmendedV1 = defineEvent({
  topic: TOPICS.assessmentResultAmended,
  keyField: 'learnerId',
  description: 'A ratified result was amended by the exam board; the new version is ratified.',
  schema: z.object({
    ...resultFields,
    status: z.literal('ratified'),
    previousVersion: z.int().positive(),
    reason: z.string().min(1),
    amendedBy: actor,
    amendedAt: timestamp,
  }),
});

export type ResultAmendedV1 = z.output<typeof resultAmendedV1.schema>;
