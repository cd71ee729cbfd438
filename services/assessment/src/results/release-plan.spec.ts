import type { EnrolmentFact } from '../catalogue/catalogue.schema';
import { distinctEnrolments, dueForRelease } from './release-plan';
import type { ResultVersion } from './result.schema';

const version = (offeringId: string, learnerId: string, n = 1): ResultVersion =>
  ({ _id: `${offeringId}:${learnerId}:1:${n}`, offeringId, learnerId }) as ResultVersion;
const fact = (offeringId: string, learnerId: string, kind: EnrolmentFact['fact']) => ({
  offeringId,
  learnerId,
  fact: kind,
});

describe('dueForRelease', () => {
  it.each<{ when: string; facts: ReturnType<typeof fact>[]; outcome: 'releases' | 'keeps waiting' }>([
    { when: 'the learner is enrolled', facts: [fact('o1', 'l1', 'enrolled')], outcome: 'releases' },
    {
      when: 'the learner was promoted from the waiting list',
      facts: [fact('o1', 'l1', 'waitlisted'), fact('o1', 'l1', 'promoted')],
      outcome: 'releases',
    },
    { when: 'the learner completed', facts: [fact('o1', 'l1', 'attended')], outcome: 'releases' },
    { when: 'no fact is known', facts: [], outcome: 'keeps waiting' },
    { when: 'the learner is waitlisted', facts: [fact('o1', 'l1', 'waitlisted')], outcome: 'keeps waiting' },
    {
      when: 'the learner enrolled and withdrew in one batch',
      facts: [fact('o1', 'l1', 'enrolled'), fact('o1', 'l1', 'withdrawn')],
      outcome: 'keeps waiting',
    },
    {
      when: 'the learner is enrolled only at another offering',
      facts: [fact('o2', 'l1', 'enrolled')],
      outcome: 'keeps waiting',
    },
    {
      when: 'another learner is enrolled at the offering',
      facts: [fact('o1', 'l2', 'enrolled')],
      outcome: 'keeps waiting',
    },
  ])('$outcome the version when $when', ({ facts, outcome }) => {
    const waiting = version('o1', 'l1');
    expect(dueForRelease([waiting], facts)).toEqual(outcome === 'releases' ? [waiting] : []);
  });

  it('releases each version by its own enrolment when a batch mixes learners and offerings', () => {
    const waiting = [version('o1', 'l1'), version('o2', 'l1'), version('o1', 'l2'), version('o1', 'l1', 2)];
    const facts = [
      fact('o1', 'l1', 'enrolled'),
      fact('o2', 'l1', 'withdrawn'),
      fact('o1', 'l2', 'waitlisted'),
    ];
    expect(dueForRelease(waiting, facts)).toEqual([waiting[0], waiting[3]]);
  });
});

describe('distinctEnrolments', () => {
  it('keeps each enrolment once, in the order first named, when events repeat it', () => {
    const pairs = [
      { offeringId: 'o1', learnerId: 'l1' },
      { offeringId: 'o2', learnerId: 'l1' },
      { offeringId: 'o1', learnerId: 'l1' },
      { offeringId: 'o1', learnerId: 'l2' },
    ];
    expect(distinctEnrolments(pairs)).toEqual([pairs[0], pairs[1], pairs[3]]);
  });

  it('keeps only the enrolment fields when given whole versions', () => {
    expect(distinctEnrolments([version('o1', 'l1')])).toEqual([{ offeringId: 'o1', learnerId: 'l1' }]);
  });
});
