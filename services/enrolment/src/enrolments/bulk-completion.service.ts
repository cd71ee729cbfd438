import type { Actor } from '@lib/auth';
import { parseCsvUpload } from '@lib/platform';
import { Injectable } from '@nestjs/common';
import { LearnersService } from '../learners/learners.service';
import type { Offering } from '../offerings/offering.schema';
import { OfferingsService } from '../offerings/offerings.service';
import { requireWithinRowLimit } from './bulk-enrolment.service';
import {
  type BulkCompletionReport,
  type BulkCompletionRowResult,
  checkCompletionRows,
  type CompletionLookup,
  type CompletionRow,
  completionReport,
  type PlannedCompletion,
  planCompletions,
  withoutCompletionHeader,
} from './completion-rows';
import { completionRecord } from './enrolment-events';
import { statusOf } from './enrolment-status';
import { EnrolmentsRepository } from './enrolments.repository';

export type { BulkCompletionReport, BulkCompletionRowResult } from './completion-rows';

/**
 * Records completions from CSV (`enrolmentId or learner email, attendance`, an optional header row), recording
 * exactly what a single completion call per row would: the same records and events, the same rules. A row whose
 * enrolment is completed already is a duplicate, so uploading the same file again changes nothing. A few bulk round
 * trips for the whole file: the named enrolments and their facts by key, then one insert of the completions.
 */
@Injectable()
export class BulkCompletionService {
  constructor(
    private readonly offerings: OfferingsService,
    private readonly learners: LearnersService,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  async complete(actor: Actor, offeringId: string, csv: string): Promise<BulkCompletionReport> {
    const { offering } = await this.offerings.managed(actor, offeringId);
    const rows = withoutCompletionHeader(parseCsvUpload(csv));
    requireWithinRowLimit(rows.length);
    const { valid, refused } = checkCompletionRows(rows);
    const { planned, refused: unplanned } = planCompletions(valid, await this.lookup(offeringId, valid));
    const recorded = await this.record(actor, offering, planned);
    return completionReport(offeringId, rows.length, [...refused, ...unplanned, ...recorded]);
  }

  /** The offering's enrolments the rows name, by id and by learner email, with where each stands. */
  private async lookup(offeringId: string, rows: CompletionRow[]): Promise<CompletionLookup> {
    const ids = rows.flatMap(({ key }) => ('enrolmentId' in key ? [key.enrolmentId] : []));
    const emails = rows.flatMap(({ key }) => ('email' in key ? [key.email] : []));
    const learners = await this.learners.findByEmails([...new Set(emails)]);
    const [named, ofLearners] = await Promise.all([
      this.enrolments.findByIds([...new Set(ids)]),
      this.enrolments.onOfferingOf(
        offeringId,
        learners.map((learner) => learner._id),
      ),
    ]);
    const onOffering = named.filter((enrolment) => enrolment.offeringId === offeringId);
    const emailOf = new Map(learners.map((learner) => [learner._id, learner.email]));
    const facts = await this.enrolments.factsFor([...onOffering, ...ofLearners].map((e) => e._id));
    return {
      byId: new Map(onOffering.map((enrolment) => [enrolment._id, enrolment])),
      byEmail: new Map(ofLearners.map((enrolment) => [emailOf.get(enrolment.learnerId)!, enrolment])),
      statusOf: (enrolmentId) => statusOf(enrolmentId, facts),
    };
  }

  /** Inserts the completions with their events in one round trip; one recorded meanwhile is a duplicate. */
  private async record(
    actor: Actor,
    offering: Offering,
    planned: PlannedCompletion[],
  ): Promise<BulkCompletionRowResult[]> {
    const completedAt = new Date();
    const inserted = await this.enrolments.insertCompletions(
      planned.map(({ row, enrolment }) =>
        completionRecord(enrolment, offering, row.attendance, actor.sub, completedAt),
      ),
    );
    return planned.map(({ row, enrolment }, index) => ({
      line: row.line,
      ...row.key,
      enrolmentId: enrolment._id,
      ...(inserted[index]
        ? { result: 'completed' as const }
        : { result: 'duplicate' as const, reason: 'completion is recorded already' }),
    }));
  }
}
