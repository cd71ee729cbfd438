import { type Actor, hasRole } from './roles';

/** What a resource belongs to: the organisations whose staff act on it, and its learner. */
export interface Reach {
  readonly organisations?: readonly (string | undefined)[];
  readonly learnerId?: string;
}

/**
 * The relation half of an access table row, for an actor the access guard has narrowed to the roles the
 * route grants: an admin; staff (a role besides learner) of one of the organisations; or the learner by `sub`.
 */
export function reaches(actor: Actor, reach: Reach): boolean {
  if (hasRole(actor, 'admin')) return true;
  const staff = hasRole(actor, 'registrar', 'partner', 'assessor');
  if (staff && actor.org !== undefined && reach.organisations?.includes(actor.org)) return true;
  return hasRole(actor, 'learner') && reach.learnerId !== undefined && actor.sub === reach.learnerId;
}
