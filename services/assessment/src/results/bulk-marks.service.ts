import type { Actor } from '@lib/auth';
import { mapConcurrently } from '@lib/persistence';
import { type CsvRow, parseCsvUpload } from '@lib/platform';
import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ResultsService } from './results.service';

export const MAX_MARK_ROWS = 10000;

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
 * then one row per learner. Each row is recorded on its own and reported; one bad row stops nothing.
 */
@Injectable()
export class BulkMarksService {
  constructor(private readonly results: ResultsService) {}

  async record(
    actor: Actor,
    offeringId: string,
    csv: string,
  ): Promise<{ rows: number; recorded: number; results: BulkMarksRow[] }> {
    await this.results.markable(actor, offeringId);
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
    const results = await mapConcurrently(rows, 8, (row) =>
      this.recordRow(actor, offeringId, components, row),
    );
    return {
      rows: rows.length,
      recorded: results.filter((row) => row.result === 'recorded').length,
      results,
    };
  }

  private async recordRow(
    actor: Actor,
    offeringId: string,
    components: string[],
    { line, cells }: CsvRow,
  ): Promise<BulkMarksRow> {
    const learnerId = (cells[0] ?? '').trim();
    if (cells.length !== components.length + 1) {
      return {
        line,
        learnerId,
        result: 'invalid',
        reason: `expected ${components.length + 1} values, found ${cells.length}`,
      };
    }
    if (!z.uuid().safeParse(learnerId).success)
      return { line, learnerId, result: 'invalid', reason: 'learnerId: must be a uuid' };
    const marks: Record<string, number> = {};
    for (const [index, name] of components.entries()) {
      const parsed = markCell.safeParse(cells[index + 1]!.trim() === '' ? undefined : cells[index + 1]);
      if (!parsed.success)
        return { line, learnerId, result: 'invalid', reason: `${name}: a mark from 0 to 100 is needed` };
      marks[name] = parsed.data;
    }
    try {
      const view = await this.results.record(actor, offeringId, learnerId, marks);
      return {
        line,
        learnerId,
        result: 'recorded',
        resultId: view.resultId,
        overallMark: view.overallMark,
        grade: view.grade,
      };
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      return {
        line,
        learnerId,
        result: error.getStatus() === 400 ? 'invalid' : 'refused',
        reason: describe(error),
      };
    }
  }
}

function describe(error: HttpException): string {
  const body = error.getResponse() as { message?: string; errors?: { field: string; message: string }[] };
  const fields = body.errors?.map((entry) => `${entry.field} ${entry.message}`).join('; ');
  return fields ? `${body.message ?? error.message} ${fields}` : (body.message ?? error.message);
}
