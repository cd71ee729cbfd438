import type { Learner } from '../learners/learner.schema';
import type { Enrolment } from './enrolment.schema';
import { type EnrolmentStatus, statusOf } from './enrolment-status';
import type { EnrolmentFacts } from './enrolments.repository';
import { inRequestOrder } from './placement';

export interface EnrolmentView {
  id: string;
  offeringId: string;
  learnerId: string;
  learner?: { givenName: string; familyName: string; email: string };
  status: EnrolmentStatus;
  seat?: number;
  waitlistPosition?: number;
  attendance?: 'attended' | 'did-not-attend';
  requestedAt: string;
  withdrawnAt?: string;
  completedAt?: string;
}

/** Views of some enrolments; `all` (every enrolment of the offering) gives waitlist positions. */
export function toEnrolmentViews(
  enrolments: Enrolment[],
  all: Enrolment[],
  facts: EnrolmentFacts,
  learners: Learner[],
  withPersonalData: boolean,
): EnrolmentView[] {
  const waiting = inRequestOrder(all)
    .filter((enrolment) => statusOf(enrolment._id, facts) === 'waitlisted')
    .map((enrolment) => enrolment._id);
  const byLearner = new Map(learners.map((learner) => [learner._id, learner]));
  return enrolments.map((enrolment) => {
    const learner = byLearner.get(enrolment.learnerId);
    const status = statusOf(enrolment._id, facts);
    const claim = facts.claims.get(enrolment._id);
    const completion = facts.completions.get(enrolment._id);
    const withdrawal = facts.withdrawals.get(enrolment._id);
    return {
      id: enrolment._id,
      offeringId: enrolment.offeringId,
      learnerId: enrolment.learnerId,
      ...(withPersonalData && learner
        ? { learner: { givenName: learner.givenName, familyName: learner.familyName, email: learner.email } }
        : {}),
      status,
      ...(claim && status !== 'withdrawn' ? { seat: claim.seat } : {}),
      ...(status === 'waitlisted' ? { waitlistPosition: waiting.indexOf(enrolment._id) + 1 } : {}),
      ...(completion
        ? { attendance: completion.attendance, completedAt: completion.completedAt.toISOString() }
        : {}),
      ...(withdrawal ? { withdrawnAt: withdrawal.withdrawnAt.toISOString() } : {}),
      requestedAt: enrolment.requestedAt.toISOString(),
    };
  });
}
