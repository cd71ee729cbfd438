import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { withOutbox } from '@lib/messaging';
import { type Page, type Pagination, pageOf } from '@lib/persistence';
import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { KnownOffering } from '../catalogue/catalogue.schema';
import { standingOf } from '../catalogue/enrolment-standing';
import { isExamBoardOf, notFound, runsOffering } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import { mark, markProblems } from '../schemes/marking';
import type { Scheme } from '../schemes/scheme.schema';
import { SchemesRepository } from '../schemes/schemes.repository';
import { ratifiedEvent, releaseEvent } from './result-events';
import { latestByAttempt, nextRecord, statusOf } from './result-rules';
import { type ResultView, toResultViews } from './result-view';
import type { ResultVersion } from './result.schema';
import { ResultsRepository, type VersionRecords } from './results.repository';

@Injectable()
export class ResultsService {
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
    requireFits(scheme, marks);
    const standing = standingOf(await this.catalogue.factsFor(offeringId, learnerId));
    if (standing === 'withdrawn' || standing === 'waitlisted') {
      throw new ConflictException(`The learner is ${standing} on this offering, so cannot be assessed.`);
    }
    const records = await this.results.forLearner(offeringId, learnerId);
    const next = nextRecord(records, scheme.maxAttempts);
    if ('refused' in next) throw new ConflictException(next.refused);
    const version: ResultVersion = {
      _id: `${offeringId}:${learnerId}:${next.attempt}:${next.version}`,
      resultId: next.resultId ?? randomUUID(),
      offeringId,
      learnerId,
      courseId: offering.courseId,
      attempt: next.attempt,
      version: next.version,
      ...mark(scheme, marks),
      recordedBy: actor.sub,
      recordedAt: new Date(),
    };
    if (!(await this.results.insertVersion(version))) {
      throw new ConflictException(
        'Marks for this learner were recorded at the same moment; reload and try again.',
      );
    }
    await this.releaseWaiting(offeringId, learnerId);
    return this.view(version.resultId);
  }

  /** Announces every version of a learner's results not announced yet, once their enrolment is known. */
  async releaseWaiting(offeringId: string, learnerId: string): Promise<void> {
    if (standingOf(await this.catalogue.factsFor(offeringId, learnerId)) !== 'enrolled') return;
    const records = await this.results.forLearner(offeringId, learnerId);
    for (const version of records.versions.filter((candidate) => !records.released.has(candidate._id))) {
      await this.results.insertRelease({
        _id: version._id,
        offeringId,
        releasedAt: new Date(),
        ...withOutbox(EVENT_SOURCE, releaseEvent(version)),
      });
    }
  }

  /** The exam board ratifies the newest version of a result; only ratified results count for awards. */
  async ratify(actor: Actor, resultId: string): Promise<ResultView> {
    const { records, offering } = await this.ofResult(actor, resultId);
    if (!isExamBoardOf(actor, offering.awardingBodyId))
      throw new ForbiddenException('Only the awarding body’s exam board ratifies.');
    const latest = latestByAttempt(records.versions).at(-1)!;
    const problem = await this.ratifyVersion(actor, latest, records);
    if (problem) throw new ConflictException(problem);
    return this.view(resultId);
  }

  /** Ratifies every provisional, announced result of an offering; says what it did and what it could not. */
  async ratifyOffering(
    actor: Actor,
    offeringId: string,
  ): Promise<{ ratified: number; skipped: { resultId: string; reason: string }[] }> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFound('offering', offeringId);
    if (!isExamBoardOf(actor, offering.awardingBodyId))
      throw new ForbiddenException('Only the awarding body’s exam board ratifies.');
    const records = await this.results.forOffering(offeringId);
    const latest = new Map<string, ResultVersion>();
    for (const version of records.versions) {
      if ((latest.get(version.resultId)?.version ?? 0) <= version.version)
        latest.set(version.resultId, version);
    }
    let ratified = 0;
    const skipped: { resultId: string; reason: string }[] = [];
    for (const version of latest.values()) {
      if (statusOf(version, records) === 'ratified') continue;
      const problem = await this.ratifyVersion(actor, version, records);
      if (problem) skipped.push({ resultId: version.resultId, reason: problem });
      else ratified += 1;
    }
    return { ratified, skipped };
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
      _id: `${latest.offeringId}:${latest.learnerId}:${latest.attempt}:${latest.version + 1}`,
      version: latest.version + 1,
      ...mark(scheme, marks),
      recordedBy: actor.sub,
      recordedAt: new Date(),
      amendment: { reason, previousVersion: latest.version },
    };
    if (!(await this.results.insertVersion(version)))
      throw new ConflictException('The result changed meanwhile; reload and try again.');
    await this.releaseWaiting(latest.offeringId, latest.learnerId);
    return this.view(resultId);
  }

  async get(actor: Actor, resultId: string): Promise<ResultView> {
    const { records } = await this.ofResult(actor, resultId);
    return toResultViews(records)[0]!;
  }

  async listForOffering(actor: Actor, offeringId: string, pagination: Pagination): Promise<Page<ResultView>> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFound('offering', offeringId);
    return pageOf(toResultViews(await this.results.forOffering(offeringId)), pagination);
  }

  /** A learner's own ratified results. */
  async own(actor: Actor, pagination: Pagination): Promise<Page<ResultView>> {
    const views = hasRole(actor, 'learner') ? toResultViews(await this.results.ofLearner(actor.sub)) : [];
    return pageOf(
      views.filter((view) => view.status === 'ratified'),
      pagination,
    );
  }

  private async ratifyVersion(
    actor: Actor,
    version: ResultVersion,
    records: VersionRecords,
  ): Promise<string | undefined> {
    if (statusOf(version, records) === 'ratified') return 'The result is ratified already.';
    if (!records.released.has(version._id))
      return "The learner's enrolment has not reached assessment yet; ratify once it has.";
    const ratification = {
      _id: version._id,
      offeringId: version.offeringId,
      ratifiedBy: actor.sub,
      ratifiedAt: new Date(),
    };
    const inserted = await this.results.insertRatification({
      ...ratification,
      ...withOutbox(EVENT_SOURCE, ratifiedEvent(version, ratification)),
    });
    return inserted ? undefined : 'The result is ratified already.';
  }

  /** The offering and its scheme, if the caller may mark it: 404 otherwise, 409 without a scheme. */
  async markable(actor: Actor, offeringId: string): Promise<{ offering: KnownOffering; scheme: Scheme }> {
    const offering = await this.catalogue.offering(offeringId);
    if (!offering || !runsOffering(actor, offering)) throw notFound('offering', offeringId);
    const scheme = await this.schemes.forCourse(offering.courseId);
    if (!scheme)
      throw new ConflictException('The course has no assessment scheme yet; the registrar sets one first.');
    return { offering, scheme };
  }

  private async ofResult(
    actor: Actor,
    resultId: string,
  ): Promise<{ records: VersionRecords; offering: KnownOffering }> {
    const records = await this.results.forResult(resultId);
    const first = records.versions[0];
    const offering = first ? await this.catalogue.offering(first.offeringId) : null;
    const self = first !== undefined && hasRole(actor, 'learner') && actor.sub === first.learnerId;
    if (!first || !offering || !(runsOffering(actor, offering) || self)) throw notFound('result', resultId);
    return { records, offering };
  }

  private async view(resultId: string): Promise<ResultView> {
    return toResultViews(await this.results.forResult(resultId))[0]!;
  }
}

function requireFits(scheme: Scheme, marks: Record<string, number>): void {
  const errors = markProblems(scheme, marks);
  if (errors.length > 0)
    throw new BadRequestException({ message: 'The marks do not fit the assessment scheme.', errors });
}
