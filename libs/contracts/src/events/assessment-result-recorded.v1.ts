import { z } from 'zod';
import { defineEvent } from '../contract';
import { resultFields } from '../result-fields';
import { TOPICS } from '../topics';

/**
 * An assessor recorded marks for a learner; the result is provisional and counts for nothing yet.
 *
 * - Producer: assessment. Consumers: credentials (progress only).
 * - Key: `learnerId`.
 */
export const resultRecordedV1 = defineEvent({
  topic: TOPICS.assessmentResultRecorded,
  keyField: 'learnerId',
  description: 'A provisional result was recorded from component marks.',
  schema: z.object({ ...resultFields, status: z.literal('provisional') }),
});

export type ResultRecordedV1 = z.output<typeof resultRecordedV1.schema>;
