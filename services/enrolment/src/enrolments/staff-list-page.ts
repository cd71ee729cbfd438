import type { Enrolment } from './enrolment.schema';
import { statusOf } from './enrolment-status';
import type { OfferingEnrolmentsPage } from './enrolments.repository';
import { inRequestOrder } from './placement';

/**
 * Whether one page read from the offering's id list answers the staff list by itself, as reading the whole offering
 * would. The list is in request order when one process wrote it (the order is taken and the id listed under the
 * offering's lock), so a page of it is a page of the list in request order. The whole offering is still needed when
 * the page holds a waitlisted enrolment (its position counts the queue before it), when an id on the page has no
 * enrolment, or when the page is visibly out of request order (lists backfilled or written by racing processes).
 */
export function pageAnswersAlone(page: OfferingEnrolmentsPage): boolean {
  const { enrolments, facts } = page;
  return (
    enrolments.length === page.listedOnPage &&
    enrolments.every((enrolment) => statusOf(enrolment._id, facts) !== 'waitlisted') &&
    isInRequestOrder(enrolments)
  );
}

function isInRequestOrder(enrolments: Enrolment[]): boolean {
  const sorted = inRequestOrder(enrolments);
  return sorted.every((enrolment, index) => enrolment === enrolments[index]);
}
