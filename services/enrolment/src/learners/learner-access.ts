import { type Actor, hasRole } from '@lib/auth';
import { isAdmin } from '../common/access';
import type { Learner } from './learner.schema';

/**
 * Who may see a learner, as far as the caller and the learner alone tell: an admin and the learner themself may,
 * staff of the organisation that registered them may, other staff only when the learner is enrolled on an offering
 * their organisation runs (the caller asks the enrolments), and anyone without an organisation may not.
 */
export type LearnerAccess = 'granted' | 'denied' | { ifEnrolledWith: string };

export function learnerAccess(
  actor: Actor,
  learner: Pick<Learner, '_id' | 'registeredByOrganisationId'>,
): LearnerAccess {
  if (isAdmin(actor) || (hasRole(actor, 'learner') && actor.sub === learner._id)) return 'granted';
  if (!actor.org) return 'denied';
  if (learner.registeredByOrganisationId === actor.org) return 'granted';
  return { ifEnrolledWith: actor.org };
}
