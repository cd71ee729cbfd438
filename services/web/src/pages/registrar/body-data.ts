import { type ApiClients, dataOf } from '../../api/client';
import { isTravelling } from '../../ui/travelling';

/** Reads of the awarding body's own records that several registrar pages share. */

export type Offering = Awaited<ReturnType<typeof offeringsOf>>[number];
export type Result = NonNullable<Awaited<ReturnType<typeof resultsPage>>>['items'][number];
export type Enrolment = Awaited<ReturnType<typeof enrolmentsOf>>[number];

/** The body's offerings (the first 200, newest pages are enough for an exam board's session). */
export async function offeringsOf(api: ApiClients) {
  const page = await dataOf(
    api.enrolment.GET('/api/enrolment/offerings', { params: { query: { pageSize: 200 } } }),
  );
  return page.items;
}

export function offeringOf(api: ApiClients, id: string) {
  return dataOf(api.enrolment.GET('/api/enrolment/offerings/{id}', { params: { path: { id } } }));
}

/** A page of an offering's results, in the order first recorded. */
export function resultsPage(api: ApiClients, offeringId: string, page: number, pageSize: number) {
  const path = '/api/assessment/offerings/{offeringId}/results' as const;
  return dataOf(api.assessment.GET(path, { params: { path: { offeringId }, query: { page, pageSize } } }));
}

/** A page of results, or `undefined` when assessment has not heard of the offering yet. */
export async function resultsPageIfKnown(
  api: ApiClients,
  offeringId: string,
  page: number,
  pageSize: number,
) {
  try {
    return await resultsPage(api, offeringId, page, pageSize);
  } catch (error) {
    if (isTravelling(error)) return undefined;
    throw error;
  }
}

/** A page of the exam board's queue: the body's offerings with provisional results, or one offering's entry. */
export function ratificationQueue(
  api: ApiClients,
  query: { page?: number; pageSize?: number; offeringId?: string },
) {
  return dataOf(api.assessment.GET('/api/assessment/ratification-queue', { params: { query } }));
}

/**
 * Learners' names by id, each read by id (a page's learners only); a learner the caller cannot see is left out.
 * The names are those of the record the caller's organisation, or an enrolment on its offering, holds.
 */
export async function learnerNames(
  api: ApiClients,
  learnerIds: readonly string[],
): Promise<Map<string, string>> {
  const named = await Promise.all(
    [...new Set(learnerIds)].map((id) =>
      dataOf(api.enrolment.GET('/api/enrolment/learners/{id}', { params: { path: { id } } })).then(
        (learner): [string, string][] => [[id, `${learner.givenName} ${learner.familyName}`]],
        () => [],
      ),
    ),
  );
  return new Map(named.flat());
}

export async function enrolmentsOf(api: ApiClients, offeringId: string) {
  const path = '/api/enrolment/offerings/{offeringId}/enrolments' as const;
  const page = await dataOf(
    api.enrolment.GET(path, { params: { path: { offeringId }, query: { pageSize: 200 } } }),
  );
  return page.items;
}

/** Learners' names by id, from an offering's enrolments. */
export function namesOf(enrolments: readonly Enrolment[]): Map<string, string> {
  return new Map(
    enrolments.map((e) => [
      e.learnerId,
      e.learner ? `${e.learner.givenName} ${e.learner.familyName}` : e.learnerId,
    ]),
  );
}

const day = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "CODE Title, 1 Dec 2026" or with an end date when it differs. */
export function offeringName(offering: Offering): string {
  const dates =
    offering.startDate === offering.endDate
      ? day(offering.startDate)
      : `${day(offering.startDate)} to ${day(offering.endDate)}`;
  return `${offering.courseCode} ${offering.courseTitle}, ${dates}`;
}
