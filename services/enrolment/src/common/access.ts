import { type Actor, hasRole } from '@lib/auth';
import { ForbiddenException, NotFoundException } from '@nestjs/common';

/** The organisation a staff caller acts for; a token without one cannot act for an organisation. */
export function organisationOf(actor: Actor): string {
  if (!actor.org) throw new ForbiddenException('Your access token names no organisation to act for.');
  return actor.org;
}

export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** Another organisation's record is reported as not found, so its existence is not revealed. */
export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`No ${what} ${id} that you can see.`);
}
