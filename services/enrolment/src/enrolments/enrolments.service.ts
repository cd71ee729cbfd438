import { randomUUID } from 'node:crypto';
import { type Actor, hasRole, reaches } from '@lib/auth';
import { enrolmentWithdrawnV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { type Page, type Pagination, pageOf } from '@lib/persistence';
import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { notFound } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import type { Learner } from '../learners/learner.schema';
import { LearnersService } from '../learners/learners.service';
import type { LearnerAsSeen } from '../learners/organisation-records';
import type { OfferingInContext } from '../offerings/offerings.service';
import { OfferingsService } from '../offerings/offerings.service';
import type { CompletionBody, EnrolBody, WithdrawBody } from './enrolment.dto';
import type { Enrolment } from './enrolment.schema';
import { completionRecord, enrolmentScope } from './enrolment-events';
import { statusOf } from './enrolment-status';
import { requireOpenForEnrolment } from './enrolment-window';
import { type EnrolmentView, toEnrolmentViews } from './enrolment-view';
import { type EnrolmentFacts, EnrolmentsRepository } from './enrolments.repository';
import { inRequestOrder } from './placement';
import { nextRequestOrder } from './request-order';
import { SeatAllocator } from './seat-allocator';
import { pageAnswersAlone } from './staff-list-page';

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly offerings: OfferingsService,
    private readonly learners: LearnersService,
    private readonly seats: SeatAllocator,
  ) {}

  /** Enrols a learner: a seat while there is one, the waitlist after that; 409 when they are enrolled already. */
  async enrol(actor: Actor, offeringId: string, body: EnrolBody): Promise<EnrolmentView> {
    const context = await this.offerings.managed(actor, offeringId);
    requireOpenForEnrolment(context, new Date());
    const learner = await this.learnerFor(actor, body, context.offering.awardingBodyId);
    // Checked by key first, so a repeated request adds no id to the lists; the unique index decides races.
    if ((await this.enrolments.enrolledOn(offeringId, [learner._id])).size > 0)
      throw enrolledAlready(learner);
    const enrolment: Enrolment = {
      _id: randomUUID(),
      offeringId,
      learnerId: learner._id,
      requestedAt: new Date(),
      requestSeq: 0,
      requestedBy: actor.sub,
      source: 'api',
      ...(learner.recordId ? { learnerRecordId: learner.recordId } : {}),
    };
    // The request's place in the queue is taken when it reaches the front of the offering's queue.
    const inserted = await this.seats.change(context.offering, () =>
      this.enrolments.insert(Object.assign(enrolment, nextRequestOrder())),
    );
    if (!inserted) throw enrolledAlready(learner);
    return this.view(enrolment, learner, true);
  }

  async withdraw(actor: Actor, enrolmentId: string, body: WithdrawBody): Promise<EnrolmentView> {
    const { enrolment, context } = await this.visible(actor, enrolmentId);
    const withdrawn = await this.seats.change(context.offering, async () => {
      const status = statusOf(enrolmentId, await this.enrolments.factsFor([enrolmentId]));
      if (status !== 'enrolled' && status !== 'waitlisted') {
        throw new ConflictException(`An enrolment that is ${status} cannot be withdrawn.`);
      }
      const withdrawnAt = new Date();
      const event = outboxEvent(enrolmentWithdrawnV1, {
        ...enrolmentScope(enrolment, context.offering),
        previousStatus: status,
        ...(body.reason ? { reason: body.reason } : {}),
        withdrawnBy: actor.sub,
        withdrawnAt: withdrawnAt.toISOString(),
      });
      return this.enrolments.insertWithdrawal({
        _id: enrolmentId,
        offeringId: enrolment.offeringId,
        previousStatus: status,
        reason: body.reason,
        withdrawnBy: actor.sub,
        withdrawnAt,
        ...withOutbox(EVENT_SOURCE, event),
      });
    });
    if (!withdrawn) throw new ConflictException('This enrolment has been withdrawn already.');
    return this.view(enrolment, await this.learnerOf(enrolment), true);
  }

  /** The organiser records whether an enrolled learner attended; once per enrolment. */
  async complete(actor: Actor, enrolmentId: string, body: CompletionBody): Promise<EnrolmentView> {
    const { enrolment, context } = await this.visible(actor, enrolmentId);
    if (hasRole(actor, 'learner') && !hasRole(actor, 'partner', 'registrar'))
      throw notFound('enrolment', enrolmentId);
    const status = statusOf(enrolmentId, await this.enrolments.factsFor([enrolmentId]));
    if (status === 'completed')
      throw new ConflictException('Completion of this enrolment is recorded already.');
    if (status !== 'enrolled')
      throw new ConflictException(`Only an enrolled learner can complete; this enrolment is ${status}.`);
    const recorded = await this.enrolments.insertCompletion(
      completionRecord(enrolment, context.offering, body.attendance, actor.sub, new Date()),
    );
    if (!recorded) throw new ConflictException('Completion of this enrolment is recorded already.');
    return this.view(enrolment, await this.learnerOf(enrolment), true);
  }

  async get(actor: Actor, enrolmentId: string): Promise<EnrolmentView> {
    const { enrolment } = await this.visible(actor, enrolmentId);
    return this.view(enrolment, await this.learnerOf(enrolment), !isLearnerOnly(actor));
  }

  async listForOffering(
    actor: Actor,
    offeringId: string,
    pagination: Pagination,
  ): Promise<Page<EnrolmentView>> {
    await this.offerings.managed(actor, offeringId);
    // Staff list: reads only the page's enrolments when they alone give the same answer, else the whole offering.
    const listed = await this.enrolments.pageOfOffering(offeringId, pagination);
    if (pageAnswersAlone(listed)) {
      const learners = await this.learners.ofEnrolments(listed.enrolments);
      const items = toEnrolmentViews(listed.enrolments, [], listed.facts, learners, true);
      return { items, total: listed.listed, ...pagination };
    }
    const { enrolments, facts } = await this.enrolments.wholeOffering(offeringId);
    const page = pageOf(inRequestOrder(enrolments), pagination);
    const learners = await this.learners.ofEnrolments(page.items);
    return { ...page, items: toEnrolmentViews(page.items, enrolments, facts, learners, true) };
  }

  /** A learner's own enrolments, across offerings, through their id list. */
  async listOwn(actor: Actor, pagination: Pagination): Promise<Page<EnrolmentView>> {
    const enrolments = hasRole(actor, 'learner') ? await this.enrolments.forLearner(actor.sub) : [];
    const page = pageOf(enrolments, pagination);
    const facts = await this.enrolments.factsFor(page.items.map((enrolment) => enrolment._id));
    const items: EnrolmentView[] = [];
    for (const enrolment of page.items) items.push(await this.view(enrolment, null, false, facts));
    return { ...page, items };
  }

  /**
   * The learner an enrolment request names, as the caller's organisation knows them (an admin's records are kept
   * for the awarding body). A learner id outside the caller's reach is refused as if there were no such learner.
   */
  private async learnerFor(actor: Actor, body: EnrolBody, awardingBodyId: string): Promise<LearnerAsSeen> {
    if (body.learner)
      return (await this.learners.findOrRegister(actor, body.learner, actor.org ?? awardingBodyId)).learner;
    const learner = await this.learners.inReach(actor, body.learnerId!);
    if (!learner) {
      throw new UnprocessableEntityException({
        message: 'No such learner.',
        errors: [{ field: 'learnerId', message: 'is not a registered learner' }],
      });
    }
    return learner;
  }

  private async learnerOf(enrolment: Enrolment): Promise<Learner | null> {
    return (await this.learners.ofEnrolments([enrolment]))[0] ?? null;
  }

  /** The enrolment if the caller may see it: staff running its offering, or the learner themself. */
  private async visible(
    actor: Actor,
    enrolmentId: string,
  ): Promise<{ enrolment: Enrolment; context: OfferingInContext }> {
    const enrolment = await this.enrolments.findById(enrolmentId);
    const context = enrolment ? await this.offerings.find(enrolment.offeringId) : null;
    if (!enrolment || !context) throw notFound('enrolment', enrolmentId);
    const { offering } = context;
    const organisations = [offering.awardingBodyId, offering.deliveringOrganisationId];
    if (!reaches(actor, { organisations, learnerId: enrolment.learnerId }))
      throw notFound('enrolment', enrolmentId);
    return { enrolment, context };
  }

  /**
   * One enrolment as the API shows it, from its own facts (read by key unless given). Only a waitlisted one reads
   * its whole offering, for its place in the queue.
   */
  private async view(
    enrolment: Enrolment,
    learner: Learner | null,
    withPersonalData: boolean,
    known?: EnrolmentFacts,
  ): Promise<EnrolmentView> {
    const own = known ?? (await this.enrolments.factsFor([enrolment._id]));
    const { enrolments, facts } =
      statusOf(enrolment._id, own) === 'waitlisted'
        ? await this.enrolments.wholeOffering(enrolment.offeringId)
        : { enrolments: [], facts: own };
    return toEnrolmentViews([enrolment], enrolments, facts, learner ? [learner] : [], withPersonalData)[0]!;
  }
}

function enrolledAlready(learner: Learner): ConflictException {
  return new ConflictException(`${learner.email} is enrolled on this offering already.`);
}

function isLearnerOnly(actor: Actor): boolean {
  return hasRole(actor, 'learner') && !hasRole(actor, 'admin', 'registrar', 'partner', 'assessor');
}
