import { ConflictException } from '@nestjs/common';
import type { OfferingInContext } from '../offerings/offerings.service';

/** Why an offering takes no enrolment at `at`, or undefined when it does: it must be open, within its dates. */
export function closedForEnrolment(
  { offering, status }: Pick<OfferingInContext, 'offering' | 'status'>,
  at: Date,
): string | undefined {
  if (status !== 'open') return `The offering is ${status}, not open for enrolment.`;
  if (at < offering.enrolmentOpensAt || at > offering.enrolmentClosesAt) {
    return `Enrolment is open from ${offering.enrolmentOpensAt.toISOString()} to ${offering.enrolmentClosesAt.toISOString()}.`;
  }
  return undefined;
}

/** 409 unless the offering takes enrolments at `at`. */
export function requireOpenForEnrolment(
  context: Pick<OfferingInContext, 'offering' | 'status'>,
  at: Date,
): void {
  const problem = closedForEnrolment(context, at);
  if (problem) throw new ConflictException(problem);
}
