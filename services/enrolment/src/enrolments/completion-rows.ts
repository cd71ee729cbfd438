import type { CsvRow } from '@lib/platform';
import { z } from 'zod';
import { learnerDetails } from '../learners/learner.dto';
import { completionBody } from './enrolment.dto';
import type { Enrolment } from './enrolment.schema';
import type { EnrolmentStatus } from './enrolment-status';

export type Attendance = z.output<typeof completionBody>['attendance'];

export interface BulkCompletionRowResult {
  line: number;
  enrolmentId?: string;
  email?: string;
  result: 'completed' | 'duplicate' | 'invalid';
  reason?: string;
}

export interface BulkCompletionReport {
  offeringId: string;
  rows: number;
  completed: number;
  duplicate: number;
  invalid: number;
  results: BulkCompletionRowResult[];
}

/** A row that names an enrolment (by its id or its learner's email) and an attendance. */
export interface CompletionRow {
  line: number;
  key: { enrolmentId: string } | { email: string };
  attendance: Attendance;
}

/** A row to record: the enrolment it completes. */
export interface PlannedCompletion {
  row: CompletionRow;
  enrolment: Enrolment;
}

/** What is known of the enrolments the rows name, read before planning. */
export interface CompletionLookup {
  /** The offering's enrolments the rows name, by enrolment id (enrolments of other offerings left out). */
  byId: ReadonlyMap<string, Enrolment>;
  /** The offering's enrolments the rows name by email, by the learner's (lower-case) email. */
  byEmail: ReadonlyMap<string, Enrolment>;
  statusOf: (enrolmentId: string) => EnrolmentStatus;
}

const enrolmentId = z.uuid();
const email = learnerDetails.shape.email;
const attendance = completionBody.shape.attendance;

/** A first row whose second cell is `attendance` is a header. */
export function withoutCompletionHeader(rows: CsvRow[]): CsvRow[] {
  const second = rows[0]?.cells[1]?.trim().toLowerCase();
  return second === 'attendance' ? rows.slice(1) : rows;
}

/** Sorts rows into readable ones and those invalid on their own (wrong number of values, bad id, email or attendance). */
export function checkCompletionRows(rows: CsvRow[]): {
  valid: CompletionRow[];
  refused: BulkCompletionRowResult[];
} {
  const valid: CompletionRow[] = [];
  const refused: BulkCompletionRowResult[] = [];
  for (const { line, cells } of rows) {
    const first = (cells[0] ?? '').trim();
    const named = first.includes('@') ? { email: first } : { enrolmentId: first };
    const problem = (reason: string) => refused.push({ line, ...named, result: 'invalid', reason });
    if (cells.length !== 2) {
      problem(`expected 2 values (enrolmentId or email, attendance), found ${cells.length}`);
      continue;
    }
    const key = keyOf(first);
    const parsedAttendance = attendance.safeParse(cells[1]!.trim());
    if (!key) problem('enrolmentId: expected an enrolment id (a UUID) or a learner email');
    else if (!parsedAttendance.success) problem('attendance: expected attended or did-not-attend');
    else valid.push({ line, key, attendance: parsedAttendance.data });
  }
  return { valid, refused };
}

function keyOf(cell: string): CompletionRow['key'] | null {
  if (cell.includes('@')) {
    const parsed = email.safeParse(cell);
    return parsed.success ? { email: parsed.data } : null;
  }
  return enrolmentId.safeParse(cell).success ? { enrolmentId: cell } : null;
}

/**
 * Decides each readable row, in file order, as N single completion calls would: an enrolment not on the offering
 * is invalid, one that is not enrolled (waitlisted, withdrawn, pending) is invalid, one completed already (before,
 * or by an earlier row of the file) is a duplicate; the rest are to be recorded.
 */
export function planCompletions(
  rows: CompletionRow[],
  lookup: CompletionLookup,
): { planned: PlannedCompletion[]; refused: BulkCompletionRowResult[] } {
  const firstLineOf = new Map<string, number>();
  const planned: PlannedCompletion[] = [];
  const refused: BulkCompletionRowResult[] = [];
  for (const row of rows) {
    const found =
      'email' in row.key ? lookup.byEmail.get(row.key.email) : lookup.byId.get(row.key.enrolmentId);
    const base = { line: row.line, ...row.key, ...(found ? { enrolmentId: found._id } : {}) };
    if (!found) {
      refused.push({ ...base, result: 'invalid', reason: 'no such enrolment on this offering' });
      continue;
    }
    const earlier = firstLineOf.get(found._id);
    const status = lookup.statusOf(found._id);
    if (earlier !== undefined) {
      refused.push({ ...base, result: 'duplicate', reason: `repeats line ${earlier}` });
    } else if (status === 'completed') {
      refused.push({ ...base, result: 'duplicate', reason: 'completion is recorded already' });
    } else if (status !== 'enrolled') {
      refused.push({
        ...base,
        result: 'invalid',
        reason: `only an enrolled learner can complete; this enrolment is ${status}`,
      });
    } else {
      firstLineOf.set(found._id, row.line);
      planned.push({ row, enrolment: found });
    }
  }
  return { planned, refused };
}

/** The upload's report: every row's result in file order, with counts by result. */
export function completionReport(
  offeringId: string,
  rows: number,
  results: BulkCompletionRowResult[],
): BulkCompletionReport {
  const inFileOrder = [...results].sort((a, b) => a.line - b.line);
  const count = (kind: BulkCompletionRowResult['result']) =>
    inFileOrder.filter((row) => row.result === kind).length;
  return {
    offeringId,
    rows,
    completed: count('completed'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    results: inFileOrder,
  };
}
