import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, timestamp } from '../fields';
import { resultFields } from '../result-fields';
import { TOPICS } from '../topics';

/**
 * The exam board ratified a result; only ratified results count toward awards.
 *
 * - Producer: assessment. Consumers: credentials (award rule).
 * - Key: `learnerId`.
 */
export const resultRatifiedV1 = defineEvent({
  topic: TOPICS.assessmentResultRatified,
  keyField: 'learnerId',
  description: 'A result was ratified by the exam board.',
  schema: z.object({
    ...resultFields,
    status: z.literal('ratified'),
    ratifiedBy: actor,
    ratifiedAt: timestamp,
  }),
});

export type ResultRatifiedV1 = z.output<typeof resultRatifiedV1.schema>;
