import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { BadRequestException, Injectable } from '@nestjs/common';
import { parseCsvUpload } from '@lib/platform';
import type { Learner } from '../learners/learner.schema';
import { LearnersService } from '../learners/learners.service';
import type { Offering } from '../offerings/offering.schema';
import { OfferingsService } from '../offerings/offerings.service';
import {
  type BulkEnrolmentReport,
  bulkReport,
  checkRows,
  enrolledRowResult,
  type ValidRow,
  withoutHeader,
} from './bulk-rows';
import type { Enrolment } from './enrolment.schema';
import { statusOf } from './enrolment-status';
import { requireOpenForEnrolment } from './enrolment-window';
import { EnrolmentsRepository } from './enrolments.repository';
import { nextRequestOrder } from './request-order';
import { SeatAllocator } from './seat-allocator';

export type { BulkEnrolmentReport, BulkRowResult } from './bulk-rows';

export const MAX_BULK_ROWS = 10000;

/** A valid row with the enrolment it asks for. */
interface RowRequest {
  row: ValidRow;
  learner: Learner;
  enrolment: Enrolment;
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
    requireWithinRowLimit(rows.length);
    requireOpenForEnrolment(context, new Date());
    const { valid, refused } = checkRows(rows);
    const requests = await this.requestsFor(actor, context.offering, valid);
    const { result: inserted, facts } = await this.seats.changeWithFacts(
      context.offering,
      () => this.insertFresh(context.offering, requests),
      requests.map(({ learner }) => learner),
    );
    const enrolled = requests.map(({ row, enrolment }, index) =>
      enrolledRowResult(row, enrolment._id, inserted[index]!, statusOf(enrolment._id, facts)),
    );
    return bulkReport(offeringId, rows.length, [...refused, ...enrolled]);
  }

  /** Finds or registers each row's learner and makes the enrolment the row asks for. */
  private async requestsFor(actor: Actor, offering: Offering, rows: ValidRow[]): Promise<RowRequest[]> {
    const learners = await this.learners.findOrRegisterMany(
      actor,
      rows.map((row) => row.details),
      actor.org ?? offering.awardingBodyId,
    );
    return rows.map((row, index) => {
      const learner = learners[index]!;
      return {
        row,
        learner,
        enrolment: {
          _id: randomUUID(),
          offeringId: offering._id,
          learnerId: learner._id,
          requestedAt: new Date(),
          requestSeq: 0,
          requestedBy: actor.sub,
          source: 'bulk',
          ...(learner.recordId ? { learnerRecordId: learner.recordId } : {}),
        },
      };
    });
  }

  /** Inserts the requests whose learners are not on the offering yet; per request, whether it was inserted. */
  private async insertFresh(offering: Offering, requests: RowRequest[]): Promise<boolean[]> {
    // Learners on the offering already are duplicates. The unique index on (offering, learner) decides between
    // processes; reading first keeps a re-upload from adding ids to the lists. The whole offering is read (by its
    // id list, as placing reads it next anyway): on the development database that is cheaper than a lookup per row
    // by the two-field key.
    const enrolled = new Set((await this.enrolments.enrolmentsOf(offering._id)).map((e) => e.learnerId));
    const fresh = requests.filter(({ enrolment }) => !enrolled.has(enrolment.learnerId));
    // Rows queue in file order, behind requests already queued for the offering.
    for (const { enrolment } of fresh) Object.assign(enrolment, nextRequestOrder());
    const written = await this.enrolments.insertMany(fresh.map(({ enrolment }) => enrolment));
    const insertedIds = new Set(
      fresh.filter((_, index) => written[index]).map(({ enrolment }) => enrolment._id),
    );
    return requests.map(({ enrolment }) => insertedIds.has(enrolment._id));
  }
}

/** 400 for a file with more rows than one upload may have. */
export function requireWithinRowLimit(rows: number): void {
  if (rows > MAX_BULK_ROWS) {
    throw new BadRequestException({
      message: `At most ${MAX_BULK_ROWS} rows per upload; this file has ${rows}.`,
      errors: [],
    });
  }
}
