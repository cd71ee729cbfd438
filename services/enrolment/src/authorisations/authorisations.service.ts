import { randomUUID } from 'node:crypto';
import { type Actor, hasRole } from '@lib/auth';
import { authorisationGrantedV1, authorisationWithdrawnV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import type { Page, Pagination } from '@lib/persistence';
import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { isAdmin, notFound, organisationOf } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import { CoursesRepository } from '../courses/courses.repository';
import { OrganisationsService } from '../organisations/organisations.service';
import type { GrantAuthorisationBody, WithdrawAuthorisationBody } from './authorisation.dto';
import { coversDay, today } from './authorisation-rules';
import type { Authorisation } from './authorisation.schema';
import { type AuthorisationWithWithdrawal, AuthorisationsRepository } from './authorisations.repository';

export interface AuthorisationView {
  id: string;
  awardingBodyId: string;
  partnerId: string;
  /** So staff see who the partner is: a registrar may not read other organisations' records. */
  partnerName: string;
  courseId: string;
  validFrom: string;
  validUntil?: string;
  grantedAt: string;
  withdrawal?: { effectiveFrom: string; reason: string; withdrawnAt: string };
  activeToday: boolean;
}

@Injectable()
export class AuthorisationsService {
  constructor(
    private readonly authorisations: AuthorisationsRepository,
    private readonly courses: CoursesRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /** A registrar authorises a partner organisation to deliver one of their awarding body's courses. */
  async grant(actor: Actor, body: GrantAuthorisationBody): Promise<AuthorisationView> {
    const awardingBodyId = organisationOf(actor);
    const course = await this.courses.findById(body.courseId);
    if (!course || course.awardingBodyId !== awardingBodyId) throw notFound('course', body.courseId);
    const partner = await this.organisations.find(body.partnerId);
    if (partner?.kind !== 'partner') {
      throw new UnprocessableEntityException({
        message: 'The organisation to authorise must be a registered partner.',
        errors: [{ field: 'partnerId', message: 'is not a registered partner organisation' }],
      });
    }
    const grant: Authorisation = {
      _id: randomUUID(),
      awardingBodyId,
      ...body,
      grantedBy: actor.sub,
      grantedAt: new Date(),
    };
    const event = outboxEvent(authorisationGrantedV1, {
      authorisationId: grant._id,
      awardingBodyId,
      ...body,
      courseCode: course.code,
      grantedBy: actor.sub,
      grantedAt: grant.grantedAt.toISOString(),
    });
    if (!(await this.authorisations.insert({ ...grant, ...withOutbox(EVENT_SOURCE, event) }))) {
      throw new ConflictException(
        'This partner already has an authorisation for this course from that date.',
      );
    }
    return toView(grant, partner.name);
  }

  async withdraw(actor: Actor, id: string, body: WithdrawAuthorisationBody): Promise<AuthorisationView> {
    const grant = await this.authorisations.findById(id);
    if (!grant || grant.awardingBodyId !== organisationOf(actor)) throw notFound('authorisation', id);
    const withdrawal = {
      _id: id,
      effectiveFrom: body.effectiveFrom ?? today(),
      reason: body.reason,
      withdrawnBy: actor.sub,
      withdrawnAt: new Date(),
    };
    const event = outboxEvent(authorisationWithdrawnV1, {
      authorisationId: id,
      awardingBodyId: grant.awardingBodyId,
      partnerId: grant.partnerId,
      courseId: grant.courseId,
      effectiveFrom: withdrawal.effectiveFrom,
      reason: body.reason,
      withdrawnBy: actor.sub,
      withdrawnAt: withdrawal.withdrawnAt.toISOString(),
    });
    if (
      !(await this.authorisations.insertWithdrawal({ ...withdrawal, ...withOutbox(EVENT_SOURCE, event) }))
    ) {
      throw new ConflictException('This authorisation has been withdrawn already.');
    }
    return (await this.named([{ ...grant, withdrawal }]))[0]!;
  }

  async get(actor: Actor, id: string): Promise<AuthorisationView> {
    const grant = await this.authorisations.findById(id);
    const visible =
      grant && (isAdmin(actor) || actor.org === grant.awardingBodyId || actor.org === grant.partnerId);
    if (!visible) throw notFound('authorisation', id);
    return (await this.named([grant]))[0]!;
  }

  async list(actor: Actor, pagination: Pagination): Promise<Page<AuthorisationView>> {
    const org = organisationOf(actor);
    const scope = hasRole(actor, 'partner') ? { partnerId: org } : { awardingBodyId: org };
    const page = await this.authorisations.list(scope, pagination);
    return { ...page, items: await this.named(page.items) };
  }

  /** Views of grants with their partners' names (one keyed read for all). */
  private async named(grants: readonly AuthorisationWithWithdrawal[]): Promise<AuthorisationView[]> {
    const names = await this.organisations.namesOf(grants.map((grant) => grant.partnerId));
    return grants.map((grant) => toView(grant, names.get(grant.partnerId) ?? grant.partnerId));
  }

  /** Whether a partner may deliver a course on a day. */
  async isAuthorised(partnerId: string, courseId: string, day: string): Promise<boolean> {
    return (await this.authorisations.forPartnerAndCourse(partnerId, courseId)).some((grant) =>
      coversDay(grant, day),
    );
  }
}

function toView(grant: AuthorisationWithWithdrawal, partnerName: string): AuthorisationView {
  const { _id, grantedBy: _by, grantedAt, withdrawal, ...rest } = grant;
  return {
    id: _id,
    ...rest,
    partnerName,
    grantedAt: grantedAt.toISOString(),
    ...(withdrawal
      ? {
          withdrawal: {
            effectiveFrom: withdrawal.effectiveFrom,
            reason: withdrawal.reason,
            withdrawnAt: withdrawal.withdrawnAt.toISOString(),
          },
        }
      : {}),
    activeToday: coversDay(grant, today()),
  };
}
