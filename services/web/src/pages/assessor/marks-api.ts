import { type ApiClients, dataOf } from '../../api/client';
import type { paths } from '../../api/generated/assessment';
import { uploadCsv } from '../../api/upload-csv';

export type Scheme = Awaited<ReturnType<typeof getScheme>>;
export type Result = Awaited<ReturnType<typeof resultsOfLearners>>[number];
export type BulkMarksAnswer =
  paths['/api/assessment/offerings/{offeringId}/results/bulk']['post']['responses'][200]['content']['application/json'];
export type RowOutcome = BulkMarksAnswer['results'][number];

/** The course's assessment scheme: a 404 while the course is still on its way to assessment. */
export function getScheme(api: ApiClients, courseId: string) {
  return dataOf(api.assessment.GET('/api/assessment/schemes/{courseId}', { params: { path: { courseId } } }));
}

/**
 * The results of some learners of the offering (a page of the grid, at most 200), by the list's learner filter;
 * a 404 while the offering is still on its way to assessment.
 */
export async function resultsOfLearners(api: ApiClients, offeringId: string, learnerIds: readonly string[]) {
  const path = '/api/assessment/offerings/{offeringId}/results' as const;
  const learnerId = learnerIds.join(',');
  const items = [];
  // Resits make more than one result per learner: rarely more than a page.
  for (let page = 1; ; page++) {
    const answer = await dataOf(
      api.assessment.GET(path, {
        params: { path: { offeringId }, query: { learnerId, page, pageSize: 200 } },
      }),
    );
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

/** Each learner's latest result (the highest attempt). */
export function latestByLearner(results: readonly Result[]): Map<string, Result> {
  const latest = new Map<string, Result>();
  for (const result of results) {
    const known = latest.get(result.learnerId);
    if (!known || result.attempt > known.attempt) latest.set(result.learnerId, result);
  }
  return latest;
}

/** Sends marks as the bulk endpoint's CSV (`learnerId,<component>...`): one answer per row. */
export function uploadMarks(
  offeringId: string,
  csv: Blob | string,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<BulkMarksAnswer> {
  const path = `/api/assessment/offerings/${encodeURIComponent(offeringId)}/results/bulk`;
  return uploadCsv<BulkMarksAnswer>(path, csv, onProgress);
}

/** A row's outcome in plain words: "Recorded: 72, Merit" or "Refused: <reason>". */
export function outcomeWords(outcome: RowOutcome): string {
  if (outcome.result === 'recorded') {
    const mark = outcome.overallMark === undefined ? '' : `: ${outcome.overallMark}`;
    return `Recorded${mark}${outcome.grade ? `, ${outcome.grade}` : ''}`;
  }
  return `${outcome.result === 'invalid' ? 'Not valid' : 'Refused'}: ${outcome.reason ?? 'no reason given'}`;
}

/** A result as it stands: "72, Merit (provisional)". */
export const resultWords = (result: Result) => `${result.overallMark}, ${result.grade} (${result.status})`;
