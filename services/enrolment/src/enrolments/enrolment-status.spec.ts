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
  it.each<[Fact[], EnrolmentStatus]>([
    [[], 'pending'],
    [['waitlisted'], 'waitlisted'],
    [['claims'], 'enrolled'],
    [['waitlisted', 'claims'], 'enrolled'],
    [['claims', 'completions'], 'completed'],
    [['claims', 'withdrawals'], 'withdrawn'],
    [['waitlisted', 'withdrawals'], 'withdrawn'],
    [['claims', 'completions', 'withdrawals'], 'withdrawn'],
  ])('is %j when the records are %j', (kinds, expected) => {
    expect(statusOf('e', factsOf(...kinds))).toBe(expected);
  });

  it('is pending when the records are about another enrolment', () => {
    expect(statusOf('other', factsOf('claims', 'withdrawals'))).toBe('pending');
  });
});
