import { type FormEvent, useRef, useState } from 'react';
import { toCsv } from '../../ui/csv';
import { ScrollTable } from '../../ui/scroll-table';
import { type Enrolment, learnerName } from '../offerings-api';
import { moveInGrid } from './grid-keys';
import {
  type Result,
  type RowOutcome,
  outcomeWords,
  resultWords,
  type Scheme,
  uploadMarks,
} from './marks-api';
import { rowProblems, rowStarted, type TypedMarks } from './mark-rules';

interface GridProps {
  offeringId: string;
  scheme: Scheme;
  learners: readonly Enrolment[];
  results: ReadonlyMap<string, Result>;
  onSubmitted: () => void;
}

/**
 * One row per learner, one input per component of the scheme. Marks are checked as they are typed; rows with any
 * mark are sent together through the bulk endpoint, and each row then shows what became of it.
 */
export function MarksGrid({ offeringId, scheme, learners, results, onSubmitted }: GridProps) {
  const components = scheme.components.map((component) => component.name);
  const [typed, setTyped] = useState<Record<string, TypedMarks>>({});
  const [tried, setTried] = useState(false);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RowOutcome>>(new Map());
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const [busy, setBusy] = useState(false);
  const table = useRef<HTMLTableElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const started = learners.filter((learner) => rowStarted(typed[learner.learnerId], components));
    const faulty = started.some(
      (l) => Object.keys(rowProblems(typed[l.learnerId], components, true)).length > 0,
    );
    if (faulty) {
      setMessage({ text: 'Correct the marks flagged in the grid before submitting.', problem: true });
      table.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    if (started.length === 0)
      return setMessage({ text: 'Type the marks of at least one learner.', problem: true });
    const rows = started.map((l) => [
      l.learnerId,
      ...components.map((name) => typed[l.learnerId]![name]!.trim()),
    ]);
    setBusy(true);
    setMessage(undefined);
    uploadMarks(offeringId, toCsv(['learnerId', ...components], rows))
      .then(
        (answer) => {
          setOutcomes(new Map(answer.results.map((row) => [row.learnerId, row])));
          const recorded = new Set(
            answer.results.filter((r) => r.result === 'recorded').map((r) => r.learnerId),
          );
          setTyped(
            Object.fromEntries(Object.entries(typed).filter(([learnerId]) => !recorded.has(learnerId))),
          );
          setTried(false);
          setMessage({ text: `${answer.recorded} of ${answer.rows} recorded.`, problem: false });
          onSubmitted();
        },
        (error: Error) => setMessage({ text: error.message, problem: true }),
      )
      .finally(() => setBusy(false));
  };

  const type = (learnerId: string, name: string, text: string) =>
    setTyped({ ...typed, [learnerId]: { ...typed[learnerId], [name]: text } });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="marks-grid">
      <h2 id="marks-grid">Marks</h2>
      <p className="hint" id="marks-grid-hint">
        A mark from 0 to 100 for every component of a learner you mark. Arrow keys move between cells; Enter
        submits.
      </p>
      <ScrollTable label="Marks grid">
        <table className="table marks" ref={table} aria-describedby="marks-grid-hint">
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {scheme.components.map((component) => (
                <th scope="col" key={component.name}>
                  {component.name}
                  <span className="marks__rule">
                    weight {component.weight}, pass {component.passMark}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {learners.map((learner, row) => (
              <GridRow
                key={learner.learnerId}
                row={row}
                learner={learner}
                components={components}
                typed={typed[learner.learnerId]}
                requireAll={tried}
                result={results.get(learner.learnerId)}
                outcome={outcomes.get(learner.learnerId)}
                onType={(name, text) => type(learner.learnerId, name, text)}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {message && (
        <p role={message.problem ? 'alert' : 'status'} className={message.problem ? 'field__error' : 'done'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        Submit marks
      </button>
    </form>
  );
}

interface RowProps {
  row: number;
  learner: Enrolment;
  components: readonly string[];
  typed: TypedMarks | undefined;
  requireAll: boolean;
  result: Result | undefined;
  outcome: RowOutcome | undefined;
  onType: (component: string, text: string) => void;
}

function GridRow({ row, learner, components, typed, requireAll, result, outcome, onType }: RowProps) {
  const name = learnerName(learner);
  const problems = rowProblems(typed, components, requireAll);
  return (
    <tr>
      <th scope="row" className="table__wrap">
        {name}
        <span className="table__detail">
          {outcome && (
            <span className={`marks__outcome marks__outcome--${outcome.result}`}>
              {outcomeWords(outcome)}
            </span>
          )}
          {!outcome && (result ? `Result so far: ${resultWords(result)}` : 'No result yet')}
        </span>
      </th>
      {components.map((component, col) => {
        const errorId = `mark-${row}-${col}-error`;
        const problem = problems[component];
        return (
          <td key={component}>
            <input
              className="marks__cell"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              aria-label={`${component} mark for ${name}`}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              data-row={row}
              data-col={col}
              value={typed?.[component] ?? ''}
              onChange={(event) => onType(component, event.target.value)}
              onKeyDown={moveInGrid}
            />
            {problem && (
              <span className="field__error marks__problem" id={errorId}>
                {problem}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
}
