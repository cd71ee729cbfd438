import { type ApiClients, dataOf } from '../api/client';

export type Offering = Awaited<ReturnType<typeof getOffering>>;
export type Enrolment = Awaited<ReturnType<typeof listEnrolments>>[number];

const PAGE_SIZE = 200;

/** The offerings the signed-in staff member's organisation runs: delivers (partner) or awards (assessor). */
export function listOfferings(api: ApiClients) {
  return dataOf(
    api.enrolment.GET('/api/enrolment/offerings', { params: { query: { pageSize: PAGE_SIZE } } }),
  );
}

/** One offering; a 404 (none, or another organisation's) shows as "Page not found". */
export function getOffering(api: ApiClients, id: string) {
  return dataOf(api.enrolment.GET('/api/enrolment/offerings/{id}', { params: { path: { id } } }));
}

/** Every enrolment of an offering, in request order, page by page. */
export async function listEnrolments(api: ApiClients, offeringId: string) {
  const path = '/api/enrolment/offerings/{offeringId}/enrolments' as const;
  const first = await dataOf(
    api.enrolment.GET(path, { params: { path: { offeringId }, query: { pageSize: PAGE_SIZE } } }),
  );
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const next = await dataOf(
      api.enrolment.GET(path, { params: { path: { offeringId }, query: { page, pageSize: PAGE_SIZE } } }),
    );
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}

/** One page of an offering's enrolments, in request order, with the total. */
export function enrolmentsPage(api: ApiClients, offeringId: string, page: number, pageSize: number) {
  const path = '/api/enrolment/offerings/{offeringId}/enrolments' as const;
  return dataOf(api.enrolment.GET(path, { params: { path: { offeringId }, query: { page, pageSize } } }));
}

/** "Given Family", or the email when the service does not give the name. */
export function learnerName(enrolment: Enrolment): string {
  const learner = enrolment.learner;
  return learner ? `${learner.givenName} ${learner.familyName}` : enrolment.learnerId;
}

export const dateOf = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/** "1 Dec 2026" or "1 Dec 2026 to 3 Dec 2026". */
export function datesOf(offering: Pick<Offering, 'startDate' | 'endDate'>): string {
  const start = dateOf(offering.startDate);
  const end = dateOf(offering.endDate);
  return start === end ? start : `${start} to ${end}`;
}

export const STATUS_WORDS: Record<Offering['status'], string> = {
  draft: 'Draft',
  open: 'Open for enrolment',
  closed: 'Closed to enrolment',
  completed: 'Completed',
};
