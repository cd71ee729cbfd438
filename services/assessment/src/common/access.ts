import { type Actor, hasRole, reaches } from '@lib/auth';
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
