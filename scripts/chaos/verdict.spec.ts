import type { Counts, LearnerOutcome } from './outcome-count';
import { passed, verdictLine, verdictOf } from './verdict';

function outcome(credentials: string[], copies: string[], events: string[]): LearnerOutcome {
  return {
    credentials: new Set(credentials),
    recognitionCopies: new Set(copies),
    issuedEvents: new Set(events),
    issuedDeliveries: events.length,
  };
}

function counts(learners: LearnerOutcome[], deadLetters = 0): Counts {
  return {
    learners: new Map(learners.map((o, n) => [`learner-${n}`, o])),
    deadLetters: { count: deadLetters, reasons: new Map() },
  };
}

describe('verdictOf', () => {
  it('passes when every learner has one credential, its copy and its event', () => {
    const verdict = verdictOf(counts([outcome(['a'], ['a'], ['a']), outcome(['b'], ['b'], ['b'])]), 2);
    expect(passed(verdict)).toBe(true);
    expect(verdictLine(verdict, 12400, true)).toBe(
      'chaos: 2 expected, 2 issued, 0 lost, 0 duplicated, dlq 0, settled in 12 s',
    );
  });

  it('counts a learner as lost when recognition has no copy or no event was seen', () => {
    const verdict = verdictOf(counts([outcome(['a'], [], ['a']), outcome(['b'], ['b'], [])]), 2);
    expect(verdict).toMatchObject({ issued: 2, lost: 2, duplicated: 0 });
    expect(passed(verdict)).toBe(false);
  });

  it('counts learners never driven as lost', () => {
    expect(verdictOf(counts([outcome(['a'], ['a'], ['a'])]), 3).lost).toBe(2);
  });

  it('counts a learner with two distinct credentials anywhere as duplicated, not a repeated delivery', () => {
    const twice = outcome(['a'], ['a'], ['a', 'a']);
    const verdict = verdictOf(counts([twice, outcome(['b'], ['b'], ['b', 'c'])]), 2);
    expect(verdict).toMatchObject({ duplicated: 1, issuedDeliveries: 4 });
  });

  it('fails on a dead letter and says when the counts did not settle', () => {
    const verdict = verdictOf(counts([outcome(['a'], ['a'], ['a'])], 1), 1);
    expect(passed(verdict)).toBe(false);
    expect(verdictLine(verdict, 60000, false)).toBe(
      'chaos: 1 expected, 1 issued, 0 lost, 0 duplicated, dlq 1, not settled after 60 s',
    );
  });
});
