import { type Actor, hasRole } from '@lib/auth';
import { isAdmin } from '../common/access';
import type { Learner } from './learner.schema';

/**
 * Who may see a learner's own record, as far as the caller and the learner alone tell: an admin, the learner themself
 * and staff of the organisation that registered them may; anyone without an organisation may not. Other staff see
 * only what their organisation knows (the caller asks): its own record of the learner, or the record an enrolment on
 * an offering it runs used. Nothing another organisation recorded reaches them.
 */
export type LearnerAccess = 'granted' | 'denied' | { ifKnownTo: string };

export function learnerAccess(
  actor: Actor,
  learner: Pick<Learner, '_id' | 'registeredByOrganisationId'>,
): LearnerAccess {
  if (isAdmin(actor) || (hasRole(actor, 'learner') && actor.sub === learner._id)) return 'granted';
  if (!actor.org) return 'denied';
  if (learner.registeredByOrganisationId === actor.org) return 'granted';
  return { ifKnownTo: actor.org };
}
