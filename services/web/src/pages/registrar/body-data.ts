import { type ApiClients, dataOf } from '../../api/client';
import { isTravelling } from '../../ui/travelling';

/** Reads of the awarding body's own records that several registrar pages share. */

export type Offering = Awaited<ReturnType<typeof offeringsOf>>[number];
export type Result = Awaited<ReturnType<typeof resultsOf>>[number];
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

/** An offering's results; none while the offering is still travelling to assessment. */
export async function resultsOf(api: ApiClients, offeringId: string) {
  const path = '/api/assessment/offerings/{offeringId}/results' as const;
  const page = await dataOf(
    api.assessment.GET(path, { params: { path: { offeringId }, query: { pageSize: 200 } } }),
  );
  return page.items;
}

/** Results, or `undefined` when assessment has not heard of the offering yet. */
export async function resultsIfKnown(api: ApiClients, offeringId: string) {
  try {
    return await resultsOf(api, offeringId);
  } catch (error) {
    if (isTravelling(error)) return undefined;
    throw error;
  }
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
