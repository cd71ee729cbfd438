import type { EnrolmentFact } from './catalogue.schema';
import { type Standing, standingOf } from './enrolment-standing';

describe('standingOf', () => {
  it.each<{ facts: EnrolmentFact['fact'][]; expected: Standing }>([
    { facts: [], expected: 'unknown' },
    { facts: ['waitlisted'], expected: 'waitlisted' },
    { facts: ['enrolled'], expected: 'enrolled' },
    { facts: ['waitlisted', 'promoted'], expected: 'enrolled' },
    { facts: ['promoted'], expected: 'enrolled' },
    { facts: ['attended'], expected: 'enrolled' },
    { facts: ['did-not-attend'], expected: 'enrolled' },
    { facts: ['enrolled', 'withdrawn'], expected: 'withdrawn' },
    { facts: ['withdrawn', 'enrolled'], expected: 'withdrawn' },
    { facts: ['withdrawn'], expected: 'withdrawn' },
    { facts: ['waitlisted', 'withdrawn', 'promoted'], expected: 'withdrawn' },
  ])('is $expected when the facts so far are $facts', ({ facts, expected }) => {
    expect(standingOf(facts.map((fact) => ({ fact })))).toBe(expected);
  });
});
