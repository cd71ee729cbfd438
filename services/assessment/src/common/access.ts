import { type Actor, hasRole, reaches } from '@lib/auth';
import { notHereYet } from '@lib/platform';
import { NotFoundException } from '@nestjs/common';
import type { KnownOffering } from '../catalogue/catalogue.schema';

/** Staff (by role and organisation) of the offering's awarding body or delivering organisation, or an admin. */
export function runsOffering(
  actor: Actor,
  offering: Pick<KnownOffering, 'awardingBodyId' | 'deliveringOrganisationId'>,
): boolean {
  return reaches(actor, { organisations: [offering.awardingBodyId, offering.deliveringOrganisationId] });
}

/** The exam board acts for the awarding body: its registrars ratify and amend. */
export function isExamBoardOf(actor: Actor, awardingBodyId: string): boolean {
  return hasRole(actor, 'registrar') && actor.org === awardingBodyId;
}

/** Another organisation's record is reported as not found, so its existence is not revealed. */
export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`No ${what} ${id} that you can see.`);
}

/**
 * Not found, for a course or offering the enrolment service publishes: it may not have reached assessment yet, so the
 * message says so in plain words (and reads the same for another organisation's, so nothing is revealed).
 */
export function notFoundYet(what: 'course' | 'offering', id: string): NotFoundException {
  return new NotFoundException(notHereYet(what, id));
}
