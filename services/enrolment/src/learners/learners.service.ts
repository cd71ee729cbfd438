import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/access';
import type { Enrolment } from '../enrolments/enrolment.schema';
import type { LearnerDetails } from './learner.dto';
import type { Learner } from './learner.schema';
import { LearnerAccessService } from './learner-access.service';
import { LearnersRepository } from './learners.repository';
import type { OrganisationLearner } from './organisation-learner.schema';
import { OrganisationLearnersRepository } from './organisation-learners.repository';
import {
  asSeen,
  type LearnerAsSeen,
  newOrganisationRecord,
  organisationRecordId,
} from './organisation-records';

export interface LearnerView {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  externalIds: { scheme: string; value: string }[];
  registeredAt: string;
}

/**
 * Learners: one identity per email (the learner id, the subject of their token and credentials), and each
 * organisation's own record of the learners it registered. Staff only ever see their organisation's records, so
 * whether another organisation knows an email changes nothing in what they are told.
 */
@Injectable()
export class LearnersService {
  constructor(
    private readonly learners: LearnersRepository,
    private readonly records: OrganisationLearnersRepository,
    private readonly access: LearnerAccessService,
  ) {}

  /**
   * The organisation's learner with this email, recorded now if it has none (`created`). `organisationId` is the
   * caller's organisation (an admin's enrolment records for the offering's awarding body). The answer depends on
   * that organisation's records only; also when two requests register the email at once (unique keys decide).
   */
  async findOrRegister(
    actor: Actor,
    details: LearnerDetails,
    organisationId = actor.org,
  ): Promise<{ learner: LearnerAsSeen; created: boolean }> {
    if (!organisationId) return this.identityFor(actor, details);
    const id = organisationRecordId(organisationId, details.email);
    const known = await this.records.findById(id);
    if (known) return { learner: asSeen(known), created: false };
    const identity = await this.identityFor(actor, details);
    const record = newOrganisationRecord(organisationId, identity.learner, details, actor, new Date());
    // A learner the organisation registered before it kept records of its own is not new to it.
    const created = identity.created || identity.learner.registeredByOrganisationId !== organisationId;
    if (await this.records.insert(record)) return { learner: asSeen(record), created };
    return { learner: asSeen((await this.records.findById(id))!), created: false };
  }

  /** `findOrRegister` for many at once (bulk enrolment): a few batch reads and inserts, not one of each per row. */
  async findOrRegisterMany(
    actor: Actor,
    details: LearnerDetails[],
    organisationId = actor.org,
  ): Promise<LearnerAsSeen[]> {
    if (!organisationId) return this.identitiesFor(actor, details);
    const idOf = (d: LearnerDetails) => organisationRecordId(organisationId, d.email);
    const byId = new Map<string, OrganisationLearner>();
    for (const record of await this.records.findByIds(details.map(idOf))) byId.set(record._id, record);
    const missing = [...new Map(details.filter((d) => !byId.has(idOf(d))).map((d) => [d.email, d])).values()];
    const identities = await this.identitiesFor(actor, missing);
    const now = new Date();
    const fresh = missing.map((d, index) =>
      newOrganisationRecord(organisationId, identities[index]!, d, actor, now),
    );
    const inserted = await this.records.insertMany(fresh);
    fresh.filter((_, index) => inserted[index]).forEach((record) => byId.set(record._id, record));
    const raced = fresh.filter((_, index) => !inserted[index]).map((record) => record._id);
    for (const record of await this.records.findByIds(raced)) byId.set(record._id, record);
    return details.map((d) => asSeen(byId.get(idOf(d))!));
  }

  /** A learner reads their own record. */
  async own(actor: Actor): Promise<LearnerView> {
    const learner = hasRole(actor, 'learner') ? await this.learners.findById(actor.sub) : null;
    if (!learner) throw notFound('learner record for', actor.sub);
    return toLearnerView(learner);
  }

  /** A learner as the caller sees them; 404 when outside their reach, the same as for no such learner. */
  async get(actor: Actor, id: string): Promise<LearnerView> {
    const seen = await this.inReach(actor, id);
    if (!seen) throw notFound('learner', id);
    return toLearnerView(seen);
  }

  /** The learners among these ids that the caller may see, each as they see them (one read for the learners). */
  async several(actor: Actor, ids: readonly string[]): Promise<{ items: LearnerView[] }> {
    const learners = await this.learners.findByIds([...new Set(ids)]);
    const seen = await Promise.all(learners.map((learner) => this.access.seenBy(actor, learner)));
    return { items: seen.flatMap((learner) => (learner ? [toLearnerView(learner)] : [])) };
  }

  /** The learner as the caller sees them, or null when there is none in the caller's reach. */
  async inReach(actor: Actor, id: string): Promise<LearnerAsSeen | null> {
    const learner = await this.learners.findById(id);
    return learner ? this.access.seenBy(actor, learner) : null;
  }

  /**
   * The learners of some enrolments of one offering, each with the details of the record its enrolment used (the
   * learner's own for enrolments made before organisations kept records).
   */
  async ofEnrolments(enrolments: readonly Enrolment[]): Promise<LearnerAsSeen[]> {
    const recordIds = enrolments.flatMap((e) => (e.learnerRecordId ? [e.learnerRecordId] : []));
    const older = enrolments.filter((e) => !e.learnerRecordId).map((e) => e.learnerId);
    const [records, learners] = await Promise.all([
      recordIds.length > 0 ? this.records.findByIds(recordIds) : [],
      older.length > 0 ? this.learners.findByIds(older) : [],
    ]);
    return [...records.map(asSeen), ...learners];
  }

  findByEmails(emails: string[]): Promise<Learner[]> {
    return this.learners.findByEmails(emails);
  }

  /** The learner identity with this email, registered now if new; the unique index decides between racers. */
  private async identityFor(
    actor: Actor,
    details: LearnerDetails,
  ): Promise<{ learner: Learner; created: boolean }> {
    const existing = await this.learners.findByEmail(details.email);
    if (existing) return { learner: existing, created: false };
    const learner = newLearner(actor, details);
    if (await this.learners.insert(learner)) return { learner, created: true };
    return { learner: (await this.learners.findByEmail(details.email))!, created: false };
  }

  /** `identityFor` for many at once: one query and one batch insert. */
  private async identitiesFor(actor: Actor, details: LearnerDetails[]): Promise<Learner[]> {
    if (details.length === 0) return [];
    const byEmail = new Map(
      (await this.learners.findByEmails(details.map((d) => d.email))).map((l) => [l.email, l]),
    );
    const fresh = details.filter((d) => !byEmail.has(d.email)).map((d) => newLearner(actor, d));
    const inserted = await this.learners.insertMany(fresh);
    fresh.filter((_, index) => inserted[index]).forEach((learner) => byEmail.set(learner.email, learner));
    const raced = fresh.filter((_, index) => !inserted[index]).map((learner) => learner.email);
    for (const learner of await this.learners.findByEmails(raced)) byEmail.set(learner.email, learner);
    return details.map((d) => byEmail.get(d.email)!);
  }
}

function newLearner(actor: Actor, details: LearnerDetails): Learner {
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
