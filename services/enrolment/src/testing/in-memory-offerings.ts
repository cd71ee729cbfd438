import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { isAdmin, notFound } from '../common/access';
import type { Course } from '../courses/course.schema';
import type { Offering, OfferingStatus } from '../offerings/offering.schema';
import type { OfferingsRepository } from '../offerings/offerings.repository';
import type { OfferingInContext, OfferingsService } from '../offerings/offerings.service';

type OfferingLookups = Pick<OfferingsService, 'managed' | 'find'>;

/** The offerings the enrolment rules ask about, with the same "runs it" rule as OfferingsService.managed. */
export class FakeOfferings implements OfferingLookups, Pick<OfferingsRepository, 'findByIds'> {
  private readonly contexts = new Map<string, OfferingInContext>();

  add(offering: Offering, status: OfferingStatus = 'open'): Offering {
    const course = { _id: offering.courseId, code: 'C4H-101', title: 'App building in a day' } as Course;
    this.contexts.set(offering._id, { offering, course, status });
    return offering;
  }

  managed(actor: Actor, id: string): Promise<OfferingInContext> {
    const context = this.contexts.get(id);
    const { awardingBodyId, deliveringOrganisationId } = context?.offering ?? {};
    const runs = isAdmin(actor) || actor.org === awardingBodyId || actor.org === deliveringOrganisationId;
    if (!context || !runs) return Promise.reject(notFound('offering', id));
    return Promise.resolve(context);
  }

  find(id: string): Promise<OfferingInContext | null> {
    return Promise.resolve(this.contexts.get(id) ?? null);
  }

  findByIds(ids: readonly string[]): Promise<Offering[]> {
    return Promise.resolve(
      [...this.contexts.values()].map(({ offering }) => offering).filter((o) => ids.includes(o._id)),
    );
  }
}

export const UNIVERSITY = '00000000-0000-4000-8000-00000000000a';
export const PARTNER = '00000000-0000-4000-8000-00000000000b';
export const ELSEWHERE = '00000000-0000-4000-8000-00000000000c';

export const registrar: Actor = { sub: 'registrar-1', roles: ['registrar'], org: UNIVERSITY };
export const partner: Actor = { sub: 'partner-1', roles: ['partner'], org: PARTNER };
export const stranger: Actor = { sub: 'stranger-1', roles: ['partner'], org: ELSEWHERE };
export const learnerActor = (learnerId: string): Actor => ({ sub: learnerId, roles: ['learner'] });

/** An offering open for enrolment now, awarded by UNIVERSITY and delivered by PARTNER. */
export function openOffering(capacity: number, id: string = randomUUID()): Offering {
  return {
    _id: id,
    courseId: '00000000-0000-4000-8000-0000000000c1',
    awardingBodyId: UNIVERSITY,
    deliveringOrganisationId: PARTNER,
    startDate: '2027-01-15',
    endDate: '2027-01-15',
    mode: 'online',
    capacity,
    enrolmentOpensAt: new Date(Date.now() - 86400000),
    enrolmentClosesAt: new Date(Date.now() + 86400000),
    createdBy: 'registrar-1',
    createdAt: new Date(),
  };
}
