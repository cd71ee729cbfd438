import type { Result } from './body-data';

/** What one offering-wide ratification did: how many it ratified, those of the page shown, what it skipped. */
export interface RatificationOutcome {
  count: number;
  ratified: Result[];
  skipped: { result: Result | undefined; resultId: string; reason: string }[];
}

/** Which learners' results were ratified, and which were not with the service's reason. */
export function RatificationOutcomeView({
  outcome,
  names,
}: {
  outcome: RatificationOutcome;
  names: Map<string, string>;
}) {
  const nameOf = (result: Result | undefined) =>
    (result && names.get(result.learnerId)) ?? 'A learner not enrolled now';
  return (
    <section className="outcome" aria-labelledby="outcome-title" role="status">
      <h2 id="outcome-title">
        Ratified {outcome.count} {outcome.count === 1 ? 'result' : 'results'}
      </h2>
      {outcome.ratified.length > 0 && (
        <ul>
          {outcome.ratified.map((result) => (
            <li key={result.resultId}>
              {nameOf(result)}: {result.overallMark}, {result.passed ? 'pass' : 'fail'}
            </li>
          ))}
          {outcome.count > outcome.ratified.length && (
            <li>and {outcome.count - outcome.ratified.length} more on other pages</li>
          )}
        </ul>
      )}
      {outcome.skipped.length > 0 && (
        <>
          <h3>Not ratified ({outcome.skipped.length})</h3>
          <ul>
            {outcome.skipped.map((skip) => (
              <li key={skip.resultId}>
                {nameOf(skip.result)}: {skip.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">
        A ratified pass becomes a credential by itself when the learner&apos;s attendance is recorded and the
        course has its achievement.
      </p>
    </section>
  );
}
