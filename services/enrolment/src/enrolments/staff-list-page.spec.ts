import type { Enrolment, WaitlistEntry } from './enrolment.schema';
import type { OfferingEnrolmentsPage } from './enrolments.repository';
import { pageAnswersAlone } from './staff-list-page';

const enrolment = (id: string, at: number, seq = 0): Enrolment => ({
  _id: id,
  offeringId: 'offering-1',
  learnerId: `learner-${id}`,
  requestedAt: new Date(at),
  requestSeq: seq,
  requestedBy: 'partner-1',
  source: 'api',
});

function page(
  enrolments: Enrolment[],
  { listedOnPage = enrolments.length, waitlisted = [] as string[] } = {},
) {
  const entry = (id: string): WaitlistEntry => ({
    _id: id,
    offeringId: 'offering-1',
    waitlistedAt: new Date(0),
  });
  const listed: OfferingEnrolmentsPage = {
    enrolments,
    facts: {
      claims: new Map(),
      waitlisted: new Map(waitlisted.map((id) => [id, entry(id)])),
      withdrawals: new Map(),
      completions: new Map(),
    },
    listedOnPage,
    listed: 10,
  };
  return listed;
}

describe('pageAnswersAlone', () => {
  it.each([
    [
      'answers alone when the page is in request order',
      page([enrolment('a', 1), enrolment('b', 2, 1), enrolment('c', 2, 2)]),
      true,
    ],
    ['answers alone when the page is empty', page([]), true],
    [
      'needs the whole offering when the page is out of request order',
      page([enrolment('a', 2), enrolment('b', 1)]),
      false,
    ],
    [
      'needs the whole offering when an id on the page has no enrolment',
      page([enrolment('a', 1)], { listedOnPage: 2 }),
      false,
    ],
    [
      'needs the whole offering when the page holds a waitlisted enrolment',
      page([enrolment('a', 1), enrolment('b', 2)], { waitlisted: ['b'] }),
      false,
    ],
  ])('%s', (_when, given, alone) => {
    expect(pageAnswersAlone(given)).toBe(alone);
  });
});
