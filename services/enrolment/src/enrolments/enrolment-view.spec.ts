import type { Learner } from '../learners/learner.schema';
import type { Enrolment } from './enrolment.schema';
import { toEnrolmentViews } from './enrolment-view';
import type { EnrolmentFacts } from './enrolments.repository';

const T0 = Date.parse('2027-01-01T09:00:00Z');
const enrolment = (id: string, second: number): Enrolment => ({
  _id: id,
  offeringId: 'o',
  learnerId: `learner-${id}`,
  requestedAt: new Date(T0 + second * 1000),
  requestSeq: 0,
  requestedBy: 'partner-1',
  source: 'api',
});
const learner = (id: string) =>
  ({ _id: `learner-${id}`, givenName: id, familyName: 'Tester', email: `${id}@nhs.example` }) as Learner;
const at = new Date(T0 + 3600000);

/** a holds seat 1, then withdrew; b holds seat 1 next and completed; c, d and e wait, d withdrew. */
const all = [enrolment('e', 5), enrolment('a', 1), enrolment('c', 3), enrolment('b', 2), enrolment('d', 4)];
const facts: EnrolmentFacts = {
  claims: new Map([
    [
      'a',
      {
        _id: 'o:1:0',
        offeringId: 'o',
        seat: 1,
        generation: 0,
        enrolmentId: 'a',
        via: 'enrolment',
        claimedAt: at,
      },
    ],
    [
      'b',
      {
        _id: 'o:1:1',
        offeringId: 'o',
        seat: 1,
        generation: 1,
        enrolmentId: 'b',
        via: 'promotion',
        claimedAt: at,
      },
    ],
  ]),
  waitlisted: new Map(['b', 'c', 'd', 'e'].map((id) => [id, { _id: id, offeringId: 'o', waitlistedAt: at }])),
  withdrawals: new Map(
    ['a', 'd'].map((id) => [
      id,
      { _id: id, offeringId: 'o', previousStatus: 'enrolled', withdrawnBy: 'x', withdrawnAt: at } as const,
    ]),
  ),
  completions: new Map([
    ['b', { _id: 'b', offeringId: 'o', attendance: 'attended', recordedBy: 'p', completedAt: at } as const],
  ]),
};

describe('toEnrolmentViews', () => {
  const views = toEnrolmentViews(all, all, facts, ['a', 'b', 'c', 'd', 'e'].map(learner), true);
  const byId = new Map(views.map((view) => [view.id, view]));

  it.each([
    { id: 'a', status: 'withdrawn', seat: undefined, waitlistPosition: undefined },
    { id: 'b', status: 'completed', seat: 1, waitlistPosition: undefined },
    { id: 'c', status: 'waitlisted', seat: undefined, waitlistPosition: 1 },
    { id: 'd', status: 'withdrawn', seat: undefined, waitlistPosition: undefined },
    { id: 'e', status: 'waitlisted', seat: undefined, waitlistPosition: 2 },
  ])('shows $id as $status (seat: $seat, waitlist position: $waitlistPosition)', (expected) => {
    const view = byId.get(expected.id)!;
    expect({
      id: view.id,
      status: view.status,
      seat: view.seat,
      waitlistPosition: view.waitlistPosition,
    }).toEqual(expected);
  });

  it('keeps the order it was given', () => {
    expect(views.map((view) => view.id)).toEqual(['e', 'a', 'c', 'b', 'd']);
  });

  it('shows attendance and when it was recorded or withdrawn', () => {
    expect(byId.get('b')).toMatchObject({ attendance: 'attended', completedAt: at.toISOString() });
    expect(byId.get('a')).toMatchObject({ withdrawnAt: at.toISOString() });
  });

  it('shows personal data only when asked to', () => {
    expect(byId.get('c')!.learner).toEqual({ givenName: 'c', familyName: 'Tester', email: 'c@nhs.example' });
    const [bare] = toEnrolmentViews([all[2]!], all, facts, [learner('c')], false);
    expect(bare!.learner).toBeUndefined();
  });
});
