import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/access';
import type { LearnerDetails } from './learner.dto';
import type { Learner } from './learner.schema';
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
  constructor(private readonly learners: LearnersRepository) {}

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
    const learner: Learner = {
      _id: randomUUID(),
      email: details.email,
      givenName: details.givenName,
      familyName: details.familyName,
      externalIds: details.externalIds ?? [],
      registeredBy: actor.sub,
      registeredByOrganisationId: actor.org,
      registeredAt: new Date(),
    };
    if (await this.learners.insert(learner)) return { learner, created: true };
    return { learner: (await this.learners.findByEmail(details.email))!, created: false };
  }

  /** A learner reads their own record. */
  async own(actor: Actor): Promise<LearnerView> {
    const learner = hasRole(actor, 'learner') ? await this.learners.findById(actor.sub) : null;
    if (!learner) throw notFound('learner record for', actor.sub);
    return toLearnerView(learner);
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
