import { id, plainText } from '@lib/contracts';
import { paginationQuery } from '@lib/persistence';
import { z } from 'zod';

const marks = z
  .record(
    z.string().min(1).max(100),
    z.number().min(0, 'a mark is at least 0').max(100, 'a mark is at most 100'),
  )
  .refine((value) => Object.keys(value).length > 0, 'give at least one component mark');

export const recordMarksBody = z.strictObject({ learnerId: z.uuid(), marks });
export const amendBody = z.strictObject({ marks, reason: plainText(1000) });

export type RecordMarksBody = z.output<typeof recordMarksBody>;
export type AmendBody = z.output<typeof amendBody>;

/** `?learnerId=a,b,c`: learners' ids separated by commas, at most the page size. */
const learnerIds = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim()))
  .pipe(z.array(id).min(1))
  .optional()
  .describe("learners' ids separated by commas, at most pageSize of them: only their results");

/** `?page=&pageSize=&learnerId=`: the staff list of an offering's results, or only some learners' results. */
export const offeringResultsQuery = paginationQuery
  .extend({ learnerId: learnerIds })
  .refine((query) => (query.learnerId?.length ?? 0) <= query.pageSize, {
    path: ['learnerId'],
    message: 'at most pageSize learners',
  });

/** `?page=&pageSize=&offeringId=`: the exam board's queue, or one offering's place in it. */
export const ratificationQueueQuery = paginationQuery.extend({
  offeringId: id.optional().describe("one of your offerings' id: only its entry"),
});

export type OfferingResultsQuery = z.output<typeof offeringResultsQuery>;
export type RatificationQueueQuery = z.output<typeof ratificationQueueQuery>;
