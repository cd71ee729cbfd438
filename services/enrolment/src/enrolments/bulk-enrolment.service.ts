import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { BadRequestException, Injectable } from '@nestjs/common';
import { type CsvRow, parseCsvUpload } from '@lib/platform';
import { learnerDetails } from '../learners/learner.dto';
import { LearnersService } from '../learners/learners.service';
import { OfferingsService } from '../offerings/offerings.service';
import type { Enrolment } from './enrolment.schema';
import { statusOf } from './enrolment-status';
import { EnrolmentsRepository } from './enrolments.repository';
import { nextRequestOrder, requireOpenForEnrolment } from './enrolments.service';
import { SeatAllocator } from './seat-allocator';

export const MAX_BULK_ROWS = 10000;

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

interface ValidRow {
  line: number;
  details: { email: string; givenName: string; familyName: string };
}

/**
 * Enrols learners from CSV (`email, given name, family name`, an optional header row), in file order.
 * Each row gets a result; a row whose learner is enrolled already is a duplicate, so uploading the same file
 * again changes nothing.
 */
@Injectable()
export class BulkEnrolmentService {
  constructor(
    private readonly offerings: OfferingsService,
    private readonly learners: LearnersService,
    private readonly enrolments: EnrolmentsRepository,
    private readonly seats: SeatAllocator,
  ) {}

  async enrol(actor: Actor, offeringId: string, csv: string): Promise<BulkEnrolmentReport> {
    const context = await this.offerings.managed(actor, offeringId);
    const rows = withoutHeader(parseCsvUpload(csv));
    if (rows.length > MAX_BULK_ROWS) {
      throw new BadRequestException({
        message: `At most ${MAX_BULK_ROWS} rows per upload; this file has ${rows.length}.`,
        errors: [],
      });
    }
    requireOpenForEnrolment(context, new Date());
    const results = new Map<number, BulkRowResult>();
    const valid = validateRows(rows, results);
    const learners = await this.learners.findOrRegisterMany(
      actor,
      valid.map((row) => row.details),
    );
    const enrolments: { row: ValidRow; enrolment: Enrolment }[] = valid.map((row, index) => ({
      row,
      enrolment: {
        _id: randomUUID(),
        offeringId,
        learnerId: learners[index]!._id,
        requestedAt: new Date(),
        requestSeq: 0,
        requestedBy: actor.sub,
        source: 'bulk',
      },
    }));
    const inserted = await this.seats.change(context.offering, async () => {
      // Learners on the offering already are duplicates. The unique index on (offering, learner) decides between
      // processes; reading first, under the offering's queue, keeps a re-upload a no-op here even though FerretDB
      // was twice seen, in full-suite runs under heavy load, to accept a 5,000-row batch of such duplicates.
      const enrolled = new Set((await this.enrolments.forOffering(offeringId)).map((e) => e.learnerId));
      const fresh = enrolments.filter(({ enrolment }) => !enrolled.has(enrolment.learnerId));
      // Rows queue in file order, behind requests already queued for the offering.
      for (const { enrolment } of fresh) Object.assign(enrolment, nextRequestOrder());
      const written = await this.enrolments.insertMany(fresh.map(({ enrolment }) => enrolment));
      const insertedIds = new Set(
        fresh.filter((_, index) => written[index]).map(({ enrolment }) => enrolment._id),
      );
      return enrolments.map(({ enrolment }) => insertedIds.has(enrolment._id));
    });
    const facts = await this.enrolments.factsForOffering(offeringId);
    enrolments.forEach(({ row, enrolment }, index) => {
      const status = statusOf(enrolment._id, facts);
      results.set(
        row.line,
        inserted[index]
          ? {
              line: row.line,
              email: row.details.email,
              result: status === 'enrolled' ? 'enrolled' : 'waitlisted',
              enrolmentId: enrolment._id,
            }
          : {
              line: row.line,
              email: row.details.email,
              result: 'duplicate',
              reason: 'enrolled on this offering already',
            },
      );
    });
    return report(
      offeringId,
      rows.length,
      [...results.values()].sort((a, b) => a.line - b.line),
    );
  }
}

/** A first row with no @ in its first cell is a header. */
function withoutHeader(rows: CsvRow[]): CsvRow[] {
  return rows.length > 0 && !rows[0]!.cells[0]!.includes('@') ? rows.slice(1) : rows;
}

function validateRows(rows: CsvRow[], results: Map<number, BulkRowResult>): ValidRow[] {
  const firstLineOf = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const { line, cells } of rows) {
    const email = (cells[0] ?? '').trim();
    if (cells.length !== 3) {
      results.set(line, {
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
      results.set(line, { line, email, result: 'invalid', reason });
      continue;
    }
    const first = firstLineOf.get(parsed.data.email);
    if (first !== undefined) {
      results.set(line, { line, email, result: 'duplicate', reason: `repeats line ${first}` });
      continue;
    }
    firstLineOf.set(parsed.data.email, line);
    valid.push({ line, details: parsed.data });
  }
  return valid;
}

function report(offeringId: string, rows: number, results: BulkRowResult[]): BulkEnrolmentReport {
  const count = (kind: BulkRowResult['result']) => results.filter((row) => row.result === kind).length;
  return {
    offeringId,
    rows,
    enrolled: count('enrolled'),
    waitlisted: count('waitlisted'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    results,
  };
}
