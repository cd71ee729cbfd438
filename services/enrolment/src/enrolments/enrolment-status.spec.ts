import type { EnrolmentFacts } from './enrolments.repository';
import { type EnrolmentStatus, statusOf } from './enrolment-status';

type Fact = keyof EnrolmentFacts;

/** Facts about enrolment "e" only; the records' contents do not matter to the rule. */
function factsOf(...kinds: Fact[]): EnrolmentFacts {
  const facts: EnrolmentFacts = {
    claims: new Map(),
    waitlisted: new Map(),
    withdrawals: new Map(),
    completions: new Map(),
  };
  for (const kind of kinds) (facts[kind] as Map<string, unknown>).set('e', {});
  return facts;
}

describe('statusOf', () => {
  it.each<{ records: Fact[]; expected: EnrolmentStatus }>([
    { records: [], expected: 'pending' },
    { records: ['waitlisted'], expected: 'waitlisted' },
    { records: ['claims'], expected: 'enrolled' },
    { records: ['waitlisted', 'claims'], expected: 'enrolled' },
    { records: ['claims', 'completions'], expected: 'completed' },
    { records: ['claims', 'withdrawals'], expected: 'withdrawn' },
    { records: ['waitlisted', 'withdrawals'], expected: 'withdrawn' },
    { records: ['claims', 'completions', 'withdrawals'], expected: 'withdrawn' },
  ])('is $expected when the records are $records', ({ records, expected }) => {
    expect(statusOf('e', factsOf(...records))).toBe(expected);
  });

  it('is pending when the records are about another enrolment', () => {
    expect(statusOf('other', factsOf('claims', 'withdrawals'))).toBe('pending');
  });
});
