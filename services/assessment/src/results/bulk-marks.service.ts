import type { Actor } from '@lib/auth';
import { type CsvRow, parseCsvUpload } from '@lib/platform';
import { BadRequestException, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { MARKS_DO_NOT_FIT } from './marks-fit';
import type { MarksEntry } from './marks-plan';
import { type MarksOutcome, MarksService } from './marks.service';

export const MAX_MARK_ROWS = 10000;
/** Rows recorded per batch: each batch is a few bulk round trips, and keeps every `$in` list a modest size. */
const BATCH_ROWS = 1000;

export interface BulkMarksRow {
  line: number;
  learnerId: string;
  result: 'recorded' | 'invalid' | 'refused';
  reason?: string;
  resultId?: string;
  overallMark?: number;
  grade?: string;
}

const markCell = z.coerce.number().min(0).max(100);

/**
 * Records marks from CSV: a header `learnerId,<component>,<component>...` naming the scheme's components,
 * then one row per learner. Each row is recorded (in file order) and reported; one bad row stops nothing.
 */
@Injectable()
export class BulkMarksService {
  constructor(private readonly marks: MarksService) {}

  async record(
    actor: Actor,
    offeringId: string,
    csv: string,
  ): Promise<{ rows: number; recorded: number; results: BulkMarksRow[] }> {
    const { offering, scheme } = await this.marks.markable(actor, offeringId);
    const [header, ...rows] = parseCsvUpload(csv);
    if (!header || header.cells[0]?.trim() !== 'learnerId' || header.cells.length < 2) {
      throw new BadRequestException({
        message: 'The first row must be a header: learnerId, then the component names.',
        errors: [{ field: 'csv', message: 'line 1: expected learnerId,<component>,...' }],
      });
    }
    if (rows.length > MAX_MARK_ROWS)
      throw new BadRequestException({ message: `At most ${MAX_MARK_ROWS} rows per upload.`, errors: [] });
    const components = header.cells.slice(1).map((cell) => cell.trim());
    const parsed = rows.map((row) => parseRow(components, row));
    const entries = parsed.flatMap((row) => ('entry' in row ? [row] : []));
    for (let start = 0; start < entries.length; start += BATCH_ROWS) {
      const batch = entries.slice(start, start + BATCH_ROWS);
      const outcomes = await this.marks.recordAll(
        actor,
        offering,
        scheme,
        batch.map((row) => row.entry),
      );
      batch.forEach((row, index) => (row.report = reportOf(row.report, outcomes[index]!)));
    }
    const results = parsed.map((row) => row.report);
    return {
      rows: rows.length,
      recorded: results.filter((row) => row.result === 'recorded').length,
      results,
    };
  }
}

type ParsedRow = { report: BulkMarksRow } | { report: BulkMarksRow; entry: MarksEntry };

/** A row's marks, or its report when the row itself is invalid. */
function parseRow(components: string[], { line, cells }: CsvRow): ParsedRow {
  const learnerId = (cells[0] ?? '').trim();
  const invalid = (reason: string): ParsedRow => ({ report: { line, learnerId, result: 'invalid', reason } });
  if (cells.length !== components.length + 1)
    return invalid(`expected ${components.length + 1} values, found ${cells.length}`);
  if (!z.uuid().safeParse(learnerId).success) return invalid('learnerId: must be a uuid');
  const marks: Record<string, number> = {};
  for (const [index, name] of components.entries()) {
    const cell = markCell.safeParse(cells[index + 1]!.trim() === '' ? undefined : cells[index + 1]);
    if (!cell.success) return invalid(`${name}: a mark from 0 to 100 is needed`);
    marks[name] = cell.data;
  }
  return { report: { line, learnerId, result: 'recorded' }, entry: { learnerId, marks } };
}

function reportOf({ line, learnerId }: BulkMarksRow, outcome: MarksOutcome): BulkMarksRow {
  if ('invalid' in outcome) {
    const fields = outcome.invalid.map((entry) => `${entry.field} ${entry.message}`).join('; ');
    return { line, learnerId, result: 'invalid', reason: `${MARKS_DO_NOT_FIT} ${fields}` };
  }
  if ('refused' in outcome) return { line, learnerId, result: 'refused', reason: outcome.refused };
  const { resultId, overallMark, grade } = outcome.version;
  return { line, learnerId, result: 'recorded', resultId, overallMark, grade };
}
