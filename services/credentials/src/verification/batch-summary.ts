import type { VerificationResult } from '@lib/vc';

/** A batch's answer: how many credentials, how many of each status, and each result with its place in the batch. */
export interface BatchSummary {
  total: number;
  counts: Record<string, number>;
  results: (VerificationResult & { index: number })[];
}

export function batchSummaryOf(results: readonly VerificationResult[]): BatchSummary {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return { total: results.length, counts, results: results.map((result, index) => ({ index, ...result })) };
}
