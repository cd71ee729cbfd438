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
import { ALREADY_RATIFIED, ratificationProblem, unratifiedNewest } from './ratification-plan';
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
    const records = await this.results.scanOffering(offeringId);
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
    const [inserted] = await this.results.insertVersions([version]);
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

  async listForOffering(actor: Actor, offeringId: string, pagination: Pagination): Promise<Page<ResultView>> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFoundYet('offering', offeringId);
    return pageOf(toResultViews(await this.results.scanOffering(offeringId)), pagination);
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
