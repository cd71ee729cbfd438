import type { CsvRow } from '@lib/platform';
import { learnerDetails } from '../learners/learner.dto';
import type { EnrolmentStatus } from './enrolment-status';

export interface BulkRowResult {
  line: number;
  email: string;
  result: 'enrolled' | 'waitlisted' | 'duplicate' | 'invalid';
  reason?: string;
  enrolmentId?: string;
}

export interface BulkEnrolmentReport {
  offeringId: string;
  rows: number;
  enrolled: number;
  waitlisted: number;
  duplicate: number;
  invalid: number;
  results: BulkRowResult[];
}

/** A row that names a learner well enough to enrol them. */
export interface ValidRow {
  line: number;
  details: { email: string; givenName: string; familyName: string };
}

/** A first row with no @ in its first cell is a header. */
export function withoutHeader(rows: CsvRow[]): CsvRow[] {
  return rows.length > 0 && !rows[0]!.cells[0]!.includes('@') ? rows.slice(1) : rows;
}

/**
 * Sorts rows into those to enrol and those refused before any enrolment: a row without exactly three values or
 * with invalid details is invalid, a repeat of an earlier row's email a duplicate of it.
 */
export function checkRows(rows: CsvRow[]): { valid: ValidRow[]; refused: BulkRowResult[] } {
  const firstLineOf = new Map<string, number>();
  const valid: ValidRow[] = [];
  const refused: BulkRowResult[] = [];
  for (const { line, cells } of rows) {
    const email = (cells[0] ?? '').trim();
    if (cells.length !== 3) {
      refused.push({
        line,
        email,
        result: 'invalid',
        reason: `expected 3 values (email, given name, family name), found ${cells.length}`,
      });
      continue;
    }
    const parsed = learnerDetails.safeParse({ email, givenName: cells[1], familyName: cells[2] });
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      refused.push({ line, email, result: 'invalid', reason });
      continue;
    }
    const first = firstLineOf.get(parsed.data.email);
    if (first !== undefined) {
      refused.push({ line, email, result: 'duplicate', reason: `repeats line ${first}` });
      continue;
    }
    firstLineOf.set(parsed.data.email, line);
    valid.push({ line, details: parsed.data });
  }
  return { valid, refused };
}

/** A valid row's result: where its new enrolment stands, or a duplicate when its learner was enrolled already. */
export function enrolledRowResult(
  row: ValidRow,
  enrolmentId: string,
  inserted: boolean,
  status: EnrolmentStatus,
): BulkRowResult {
  if (!inserted) {
    return {
      line: row.line,
      email: row.details.email,
      result: 'duplicate',
      reason: 'enrolled on this offering already',
    };
  }
  return {
    line: row.line,
    email: row.details.email,
    result: status === 'enrolled' ? 'enrolled' : 'waitlisted',
    enrolmentId,
  };
}

/** The upload's report: every row's result in file order, with counts by result. */
export function bulkReport(offeringId: string, rows: number, results: BulkRowResult[]): BulkEnrolmentReport {
  const inFileOrder = [...results].sort((a, b) => a.line - b.line);
  const count = (kind: BulkRowResult['result']) => inFileOrder.filter((row) => row.result === kind).length;
  return {
    offeringId,
    rows,
    enrolled: count('enrolled'),
    waitlisted: count('waitlisted'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    results: inFileOrder,
  };
}
