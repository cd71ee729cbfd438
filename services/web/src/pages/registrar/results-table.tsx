import type { Result } from './body-data';

/** An offering's results, one row per learner: the newest version's marks, overall, grade and outcome. */
export function ResultsTable({ results, names }: { results: readonly Result[]; names: Map<string, string> }) {
  return (
    <table className="results-table">
      <caption className="visually-hidden">Results</caption>
      <thead>
        <tr>
          <th scope="col">Learner</th>
          <th scope="col">Marks</th>
          <th scope="col">Overall</th>
          <th scope="col">Grade</th>
          <th scope="col">Outcome</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <ResultRow key={result.resultId} result={result} name={names.get(result.learnerId)} />
        ))}
      </tbody>
    </table>
  );
}

function ResultRow({ result, name }: { result: Result; name: string | undefined }) {
  const components = result.versions.at(-1)?.components ?? [];
  return (
    <tr>
      <th scope="row" data-label="Learner">
        {name ?? 'A learner not enrolled now'}
        {result.attempt > 1 && <span className="hint"> (attempt {result.attempt})</span>}
      </th>
      <td data-label="Marks">
        {components.map((c) => (
          <span key={c.name} className="mark">
            {c.name}: {c.mark}
          </span>
        ))}
      </td>
      <td data-label="Overall">{result.overallMark}</td>
      <td data-label="Grade">{result.grade}</td>
      <td data-label="Outcome">{result.passed ? 'Pass' : 'Fail'}</td>
      <td data-label="Status">{result.status === 'provisional' ? 'Provisional' : 'Ratified'}</td>
    </tr>
  );
}
