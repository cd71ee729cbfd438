import type { ViewFits } from '@lib/platform';
import { id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { ResultView } from './result-view';
import type { RatificationQueueEntry, ResultsService } from './results.service';
import type { BulkMarksService } from './bulk-marks.service';

const versionStatus = z.enum(['provisional', 'ratified']);

/** `ResultVersionView` as the API documents it. */
const resultVersionView = z.object({
  version: z.int().min(1),
  components: z.array(z.object({ name: z.string(), weight: z.number(), mark: z.number() })),
  overallMark: z.number(),
  grade: z.string(),
  passed: z.boolean(),
  status: versionStatus,
  announced: z.boolean(),
  recordedBy: z.string(),
  recordedAt: timestamp,
  ratifiedAt: timestamp.optional(),
  amendment: z.object({ reason: z.string(), previousVersion: z.int().min(1) }).optional(),
});

/** `ResultView` as the API documents it: the newest version's facts, and every version. */
export const resultView = z.object({
  resultId: id,
  offeringId: id,
  learnerId: id,
  courseId: id,
  attempt: z.int().min(1),
  overallMark: z.number(),
  grade: z.string(),
  passed: z.boolean(),
  status: versionStatus,
  version: z.int().min(1),
  versions: z.array(resultVersionView),
});

/** What ratifying an offering answers: how many were ratified, and why the rest were not. */
export const offeringRatificationView = z.object({
  ratified: z.int().min(0),
  skipped: z.array(z.object({ resultId: id, reason: z.string() })),
});

/** One offering in the exam board's queue: its course and how many results await ratification. */
export const ratificationQueueEntry = z.object({
  offeringId: id,
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  provisional: z.int().min(1).describe('results whose newest version is not ratified yet'),
});

/** What recording marks from CSV answers: a result per row. */
export const bulkMarksReport = z.object({
  rows: z.int().min(0),
  recorded: z.int().min(0),
  results: z.array(
    z.object({
      line: z.int().min(1),
      learnerId: z.string(),
      result: z.enum(['recorded', 'invalid', 'refused']),
      reason: z.string().optional(),
      resultId: id.optional(),
      overallMark: z.number().optional(),
      grade: z.string().optional(),
    }),
  ),
});

// What the service returns fits what the document says (checked by the compiler).
export type ResultViewFits = ViewFits<ResultView, typeof resultView>;
export type OfferingRatificationViewFits = ViewFits<
  Awaited<ReturnType<ResultsService['ratifyOffering']>>,
  typeof offeringRatificationView
>;
export type BulkMarksReportFits = ViewFits<
  Awaited<ReturnType<BulkMarksService['record']>>,
  typeof bulkMarksReport
>;
export type RatificationQueueEntryFits = ViewFits<RatificationQueueEntry, typeof ratificationQueueEntry>;
