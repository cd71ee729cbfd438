import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { withOutbox } from '@lib/messaging';
import { ConflictException, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { KnownOffering } from '../catalogue/catalogue.schema';
import { type EnrolmentPair, type Standing, standingsOf } from '../catalogue/enrolment-standing';
import { notFoundYet, runsOffering } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import type { Scheme } from '../schemes/scheme.schema';
import { SchemesRepository } from '../schemes/schemes.repository';
import { misfit } from './marks-fit';
import { type MarksEntry, planMarks } from './marks-plan';
import { distinctEnrolments, dueForRelease } from './release-plan';
import { releaseEvent } from './result-events';
import { type ResultView, toResultViews } from './result-view';
import type { ResultVersion } from './result.schema';
import { ResultsRepository, type VersionRecords } from './results.repository';

/** What became of one learner's marks: the version recorded, with the records it now belongs to, or why not. */
export type MarksOutcome =
  | { version: ResultVersion; records: VersionRecords }
  | { refused: string }
  | { invalid: { field: string; message: string }[] };

export const RECORDED_MEANWHILE =
  'Marks for this learner were recorded at the same moment; reload and try again.';

/**
 * Records marks, for one learner or a batch of one offering's learners, in the same few round trips whatever the
 * batch size: every read and write is by `_id` (facts, id lists, versions, releases), none per learner.
 */
@Injectable()
export class MarksService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly schemes: SchemesRepository,
  ) {}

  /**
   * An assessor records component marks; the result is provisional. When the learner's enrolment has not
   * reached us yet the marks are kept and announced as soon as it does.
   */
  async record(
    actor: Actor,
    offeringId: string,
    learnerId: string,
    marks: Record<string, number>,
  ): Promise<ResultView> {
    const { offering, scheme } = await this.markable(actor, offeringId);
    const [outcome] = await this.recordAll(actor, offering, scheme, [{ learnerId, marks }]);
    if ('invalid' in outcome!) throw misfit(outcome.invalid);
    if ('refused' in outcome!) throw new ConflictException(outcome.refused);
    const { version, records } = outcome!;
    const ofResult = records.versions.filter((candidate) => candidate.resultId === version.resultId);
    return toResultViews({ ...records, versions: ofResult })[0]!;
  }

  /** Records each entry's marks (in order, as if one after another) and announces what can be announced. */
  async recordAll(
    actor: Actor,
    offering: Pick<KnownOffering, '_id' | 'courseId' | 'awardingBodyId'>,
    scheme: Scheme,
    entries: readonly MarksEntry[],
  ): Promise<MarksOutcome[]> {
    const learnerIds = [...new Set(entries.map((entry) => entry.learnerId))];
    const { standings, records } = await this.stateOf(offering._id, learnerIds);
    const plans = planMarks(
      {
        offeringId: offering._id,
        courseId: offering.courseId,
        scheme,
        standings,
        records,
        recordedBy: actor.sub,
        recordedAt: new Date(),
        newResultId: randomUUID,
      },
      entries,
    );
    const planned = plans.flatMap((plan) => ('version' in plan ? [plan.version] : []));
    const inserted = new Set(
      (await this.results.insertVersions(planned, offering.awardingBodyId)).flatMap((ok, index) =>
        ok ? [planned[index]!._id] : [],
      ),
    );
    const written = planned.filter((version) => inserted.has(version._id));
    const after = { ...records, versions: [...records.versions, ...written] };
    await this.release(after, await this.standingsAfter(offering._id, written, standings));
    return plans.map((plan): MarksOutcome => {
      if (!('version' in plan)) return plan;
      return inserted.has(plan.version._id)
        ? { version: plan.version, records: after }
        : { refused: RECORDED_MEANWHILE };
    });
  }

  /** Announces every version of a learner's results not announced yet, once their enrolment is known. */
  releaseWaiting(offeringId: string, learnerId: string): Promise<void> {
    return this.releaseWaitingMany([{ offeringId, learnerId }]);
  }

  /**
   * `releaseWaiting` for many enrolments (of any offerings) in a few keyed round trips whatever their number: the
   * versions and their releases by the learners' id lists, then the facts of only the enrolments with a version
   * waiting, then one insert of the releases. Callers write their facts first (see `standingsAfter`).
   */
  async releaseWaitingMany(enrolments: readonly EnrolmentPair[]): Promise<void> {
    const { versions, released } = await this.results.ofEnrolments(distinctEnrolments(enrolments));
    const waiting = versions.filter((version) => !released.has(version._id));
    if (waiting.length === 0) return;
    const facts = await this.catalogue.factsOfEnrolments(distinctEnrolments(waiting));
    await this.announce(dueForRelease(waiting, facts));
  }

  /** The offering and its scheme, if the caller may mark it: 404 otherwise, 409 without a scheme. */
  async markable(actor: Actor, offeringId: string): Promise<{ offering: KnownOffering; scheme: Scheme }> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFoundYet('offering', offeringId);
    const scheme = await this.schemes.forCourse(offering.courseId);
    if (!scheme)
      throw new ConflictException('The course has no assessment scheme yet; the registrar sets one first.');
    return { offering, scheme };
  }

  /** The learners' standings and versions at the offering, read by key and at once. */
  private async stateOf(
    offeringId: string,
    learnerIds: readonly string[],
  ): Promise<{ standings: Map<string, Standing>; records: VersionRecords }> {
    const [facts, records] = await Promise.all([
      this.catalogue.factsFor(offeringId, learnerIds),
      this.results.forLearners(offeringId, learnerIds),
    ]);
    return { standings: standingsOf(facts, learnerIds), records };
  }

  /**
   * The standings again for learners not enrolled before the insert: an enrolment event handled meanwhile found no
   * version to announce, so this write announces it (the consumer writes its fact before it reads the versions).
   */
  private async standingsAfter(
    offeringId: string,
    written: readonly ResultVersion[],
    before: ReadonlyMap<string, Standing>,
  ): Promise<ReadonlyMap<string, Standing>> {
    const unsure = [
      ...new Set(written.filter((v) => before.get(v.learnerId) !== 'enrolled').map((v) => v.learnerId)),
    ];
    if (unsure.length === 0) return before;
    const now = standingsOf(await this.catalogue.factsFor(offeringId, unsure), unsure);
    return new Map([...before, ...now]);
  }

  /** Writes a release, carrying its event, for each unannounced version of an enrolled learner; notes them. */
  private async release(records: VersionRecords, standings: ReadonlyMap<string, Standing>): Promise<void> {
    const waiting = records.versions.filter(
      (version) => !records.released.has(version._id) && standings.get(version.learnerId) === 'enrolled',
    );
    await this.announce(waiting);
    for (const version of waiting) records.released.add(version._id);
  }

  /** Writes a release for each version, carrying its event, in one insert (a release written already is kept). */
  private async announce(versions: readonly ResultVersion[]): Promise<void> {
    if (versions.length === 0) return;
    await this.results.insertReleases(
      versions.map((version) => ({
        _id: version._id,
        offeringId: version.offeringId,
        releasedAt: new Date(),
        ...withOutbox(EVENT_SOURCE, releaseEvent(version)),
      })),
    );
  }
}
