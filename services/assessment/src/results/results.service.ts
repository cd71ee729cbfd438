import { type Actor, hasRole, reaches } from '@lib/auth';
import { type OutboxFields, withOutbox } from '@lib/messaging';
import { type Page, type Pagination, pageOf } from '@lib/persistence';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { KnownOffering } from '../catalogue/catalogue.schema';
import { isExamBoardOf, notFound, notFoundYet, runsOffering } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import { mark } from '../schemes/marking';
import { SchemesRepository } from '../schemes/schemes.repository';
import { requireFits } from './marks-fit';
import { MarksService } from './marks.service';
import { ALREADY_RATIFIED, NOT_ANNOUNCED, ratificationProblem, unratifiedNewest } from './ratification-plan';
import type { OfferingResultsQuery, RatificationQueueQuery } from './result.dto';
import { ratifiedEvent } from './result-events';
import { versionIdOf } from './result-ids';
import { latestByAttempt, statusOf } from './result-rules';
import { type ResultView, toResultViews } from './result-view';
import type { Ratification, ResultVersion } from './result.schema';
import { ResultsRepository, type VersionRecords } from './results.repository';

/** Reading, ratifying and amending results; marks are recorded by MarksService. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly schemes: SchemesRepository,
    private readonly marks: MarksService,
  ) {}

  /** The exam board ratifies the newest version of a result; only ratified results count for awards. */
  async ratify(actor: Actor, resultId: string): Promise<ResultView> {
    const { records, offering } = await this.ofResult(actor, resultId);
    if (!isExamBoardOf(actor, offering.awardingBodyId))
      throw new ForbiddenException('Only the awarding body’s exam board ratifies.');
    const latest = latestByAttempt(records.versions).at(-1)!;
    const problem = ratificationProblem(latest, records);
    if (problem) throw new ConflictException(problem);
    const [inserted] = await this.results.insertRatifications([ratificationOf(actor, latest, new Date())]);
    await this.results.unlistProvisional([latest]);
    if (!inserted) throw new ConflictException(ALREADY_RATIFIED);
    return this.view(resultId);
  }

  /**
   * Ratifies every provisional, announced result of an offering; says what it did and what it could not. One scan
   * of the offering (the staff list) and one insert of every ratification, whatever the number of learners.
   */
  async ratifyOffering(
    actor: Actor,
    offeringId: string,
  ): Promise<{ ratified: number; skipped: { resultId: string; reason: string }[] }> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFoundYet('offering', offeringId);
    if (!isExamBoardOf(actor, offering.awardingBodyId))
      throw new ForbiddenException('Only the awarding body’s exam board ratifies.');
    const records = await this.results.provisionalAt([offeringId]);
    const candidates = unratifiedNewest(records).map((version) => ({
      version,
      problem: ratificationProblem(version, records),
    }));
    const ready = candidates.filter((candidate) => candidate.problem === undefined);
    const ratifiedAt = new Date();
    const inserted = await this.results.insertRatifications(
      ready.map(({ version }) => ratificationOf(actor, version, ratifiedAt)),
    );
    ready.forEach((candidate, index) => {
      if (!inserted[index]) candidate.problem = ALREADY_RATIFIED;
    });
    // Listed versions now ratified, or re-marked or ratified before, leave the list; those waiting stay.
    const waiting = new Set(candidates.flatMap((c) => (c.problem === NOT_ANNOUNCED ? [c.version._id] : [])));
    await this.results.unlistProvisional(records.versions.filter((version) => !waiting.has(version._id)));
    return {
      ratified: inserted.filter(Boolean).length,
      skipped: candidates.flatMap(({ version, problem }) =>
        problem === undefined ? [] : [{ resultId: version.resultId, reason: problem }],
      ),
    };
  }

  /** A change after ratification: a new ratified version with who, when and why; the old one stays readable. */
  async amend(
    actor: Actor,
    resultId: string,
    marks: Record<string, number>,
    reason: string,
  ): Promise<ResultView> {
    const { records, offering } = await this.ofResult(actor, resultId);
    if (!isExamBoardOf(actor, offering.awardingBodyId))
      throw new ForbiddenException('Only the awarding body’s exam board amends.');
    const latest = latestByAttempt(records.versions).find((version) => version.resultId === resultId)!;
    if (statusOf(latest, records) !== 'ratified')
      throw new ConflictException('Only a ratified result is amended; record new marks instead.');
    const scheme = (await this.schemes.forCourse(offering.courseId))!;
    requireFits(scheme, marks);
    const version: ResultVersion = {
      ...latest,
      _id: versionIdOf(latest.offeringId, latest.learnerId, latest.attempt, latest.version + 1),
      version: latest.version + 1,
      ...mark(scheme, marks),
      recordedBy: actor.sub,
      recordedAt: new Date(),
      amendment: { reason, previousVersion: latest.version },
    };
    const [inserted] = await this.results.insertVersions([version], offering.awardingBodyId);
    if (!inserted) throw new ConflictException('The result changed meanwhile; reload and try again.');
    await this.marks.releaseWaiting(latest.offeringId, latest.learnerId);
    return this.view(resultId);
  }

  /** Staff running the offering see every version; the learner sees their result once it is ratified. */
  async get(actor: Actor, resultId: string): Promise<ResultView> {
    const { records, offering } = await this.ofResult(actor, resultId);
    const view = toResultViews(records)[0]!;
    if (!runsOffering(actor, offering) && view.status !== 'ratified') throw notFound('result', resultId);
    return view;
  }

  /**
   * Staff list of an offering's results, a page at a time by the offering's id list; or, with `learnerId`, the
   * results of those learners only (the marks grid's page of learners), by their id lists.
   */
  async listForOffering(
    actor: Actor,
    offeringId: string,
    { learnerId, ...pagination }: OfferingResultsQuery,
  ): Promise<Page<ResultView>> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFoundYet('offering', offeringId);
    if (learnerId)
      return pageOf(toResultViews(await this.results.forLearners(offeringId, learnerId)), pagination);
    const { records, resultIds, total } = await this.results.pageOfOffering(offeringId, pagination);
    const views = new Map(toResultViews(records).map((view) => [view.resultId, view]));
    return { items: resultIds.flatMap((id) => views.get(id) ?? []), total, ...pagination };
  }

  /**
   * The exam board's queue: its body's offerings with provisional results, how many each, in the order first
   * marked; by the body's and offerings' id lists, each listed version checked by key against its ratification and
   * newer versions. With `offeringId`, that offering's entry alone (none for another body's).
   */
  async ratificationQueue(
    actor: Actor,
    { offeringId, ...pagination }: RatificationQueueQuery,
  ): Promise<Page<RatificationQueueEntry>> {
    const body = isExamBoardOf(actor, actor.org ?? '') ? actor.org! : undefined;
    if (!body) throw new ForbiddenException('Only the awarding body’s exam board ratifies.');
    const listed = await this.results.offeringsWithProvisional(body);
    const offeringIds = offeringId ? listed.filter((id) => id === offeringId) : listed;
    const counts = await this.results.provisionalCounts(offeringIds);
    const page = pageOf(
      offeringIds.filter((id) => counts.has(id)),
      pagination,
    );
    const { offerings, courses } = await this.catalogue.offeringsWithCourses(page.items);
    const byId = new Map(offerings.map((offering) => [offering._id, offering]));
    return {
      ...page,
      items: page.items.map((id) => {
        const course = courses.get(byId.get(id)?.courseId ?? '');
        return {
          offeringId: id,
          courseId: byId.get(id)?.courseId ?? '',
          courseCode: course?.code ?? '',
          courseTitle: course?.title ?? '',
          provisional: counts.get(id)!,
        };
      }),
    };
  }

  /** A learner's own ratified results, by the learner's id list. */
  async own(actor: Actor, pagination: Pagination): Promise<Page<ResultView>> {
    const views = hasRole(actor, 'learner') ? toResultViews(await this.results.ofLearner(actor.sub)) : [];
    return pageOf(
      views.filter((view) => view.status === 'ratified'),
      pagination,
    );
  }

  private async ofResult(
    actor: Actor,
    resultId: string,
  ): Promise<{ records: VersionRecords; offering: KnownOffering }> {
    const records = await this.results.forResult(resultId);
    const first = records.versions[0];
    const offering = first ? await this.catalogue.offering(first.offeringId) : null;
    const reach = offering && {
      organisations: [offering.awardingBodyId, offering.deliveringOrganisationId],
      learnerId: first?.learnerId,
    };
    if (!first || !reach || !reaches(actor, reach)) throw notFound('result', resultId);
    return { records, offering };
  }

  private async view(resultId: string): Promise<ResultView> {
    return toResultViews(await this.results.forResult(resultId))[0]!;
  }
}

/** One offering in the exam board's queue. */
export interface RatificationQueueEntry {
  offeringId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  /** Results whose newest version is not ratified (announced or still waiting for the enrolment). */
  provisional: number;
}

/** The exam board's ratification of a version, carrying its event. */
function ratificationOf(actor: Actor, version: ResultVersion, ratifiedAt: Date): Ratification & OutboxFields {
  const ratification = {
    _id: version._id,
    offeringId: version.offeringId,
    ratifiedBy: actor.sub,
    ratifiedAt,
  };
  return { ...ratification, ...withOutbox(EVENT_SOURCE, ratifiedEvent(version, ratification)) };
}
