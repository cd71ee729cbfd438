import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/access';
import type { LearnerDetails } from './learner.dto';
import type { Learner } from './learner.schema';
import { LearnerAccessService } from './learner-access.service';
import { LearnersRepository } from './learners.repository';

export interface LearnerView {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  externalIds: { scheme: string; value: string }[];
  registeredAt: string;
}

@Injectable()
export class LearnersService {
  constructor(
    private readonly learners: LearnersRepository,
    private readonly access: LearnerAccessService,
  ) {}

  /**
   * The learner with this email, registered now if new. One email is one learner, also when two requests
   * register it at once (the unique index decides; the loser reads the winner's record).
   */
  async findOrRegister(
    actor: Actor,
    details: LearnerDetails,
  ): Promise<{ learner: Learner; created: boolean }> {
    const existing = await this.learners.findByEmail(details.email);
    if (existing) return { learner: existing, created: false };
    const learner = this.newLearner(actor, details);
    if (await this.learners.insert(learner)) return { learner, created: true };
    return { learner: (await this.learners.findByEmail(details.email))!, created: false };
  }

  /** `findOrRegister` for many at once (bulk enrolment): one query and one batch insert, not one of each per row. */
  async findOrRegisterMany(actor: Actor, details: LearnerDetails[]): Promise<Learner[]> {
    const byEmail = new Map(
      (await this.learners.findByEmails(details.map((d) => d.email))).map((l) => [l.email, l]),
    );
    const fresh = details.filter((d) => !byEmail.has(d.email)).map((d) => this.newLearner(actor, d));
    const inserted = await this.learners.insertMany(fresh);
    fresh.filter((_, index) => inserted[index]).forEach((learner) => byEmail.set(learner.email, learner));
    const raced = fresh.filter((_, index) => !inserted[index]).map((learner) => learner.email);
    for (const learner of await this.learners.findByEmails(raced)) byEmail.set(learner.email, learner);
    return details.map((d) => byEmail.get(d.email)!);
  }

  /** A learner reads their own record. */
  async own(actor: Actor): Promise<LearnerView> {
    const learner = hasRole(actor, 'learner') ? await this.learners.findById(actor.sub) : null;
    if (!learner) throw notFound('learner record for', actor.sub);
    return toLearnerView(learner);
  }

  /** A learner, if the caller may see them; 404 otherwise, so a learner elsewhere is not revealed. */
  async get(actor: Actor, id: string): Promise<LearnerView> {
    const learner = await this.learners.findById(id);
    if (!learner || !(await this.access.canSee(actor, learner))) throw notFound('learner', id);
    return toLearnerView(learner);
  }

  private newLearner(actor: Actor, details: LearnerDetails): Learner {
    return {
      _id: randomUUID(),
      email: details.email,
      givenName: details.givenName,
      familyName: details.familyName,
      externalIds: details.externalIds ?? [],
      registeredBy: actor.sub,
      ...(actor.org ? { registeredByOrganisationId: actor.org } : {}),
      registeredAt: new Date(),
    };
  }

  find(id: string): Promise<Learner | null> {
    return this.learners.findById(id);
  }

  findMany(ids: string[]): Promise<Learner[]> {
    return this.learners.findByIds(ids);
  }

  findByEmails(emails: string[]): Promise<Learner[]> {
    return this.learners.findByEmails(emails);
  }
}

export function toLearnerView(learner: Learner): LearnerView {
  return {
    id: learner._id,
    email: learner.email,
    givenName: learner.givenName,
    familyName: learner.familyName,
    externalIds: learner.externalIds,
    registeredAt: learner.registeredAt.toISOString(),
  };
}
