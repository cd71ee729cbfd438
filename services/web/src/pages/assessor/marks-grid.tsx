import { type FormEvent, useRef, useState } from 'react';
import { ScrollTable } from '../../ui/scroll-table';
import type { Enrolment } from '../offerings-api';
import { type Result, type RowOutcome, type Scheme, uploadMarks } from './marks-api';
import { GridRow } from './marks-grid-row';
import { planMarks, type TypedMarks, withoutRecorded } from './mark-rules';

interface GridProps {
  offeringId: string;
  scheme: Scheme;
  learners: readonly Enrolment[];
  results: ReadonlyMap<string, Result>;
  onSubmitted: () => void;
}

const PLAN_WORDS = {
  faulty: 'Correct the marks flagged in the grid before submitting.',
  empty: 'Type the marks of at least one learner.',
} as const;

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
    const plan = planMarks(
      typed,
      learners.map((learner) => learner.learnerId),
      components,
    );
    if (plan.state !== 'ready') {
      setMessage({ text: PLAN_WORDS[plan.state], problem: true });
      table.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setMessage(undefined);
    uploadMarks(offeringId, plan.csv)
      .then(
        (answer) => {
          setOutcomes(new Map(answer.results.map((row) => [row.learnerId, row])));
          setTyped(withoutRecorded(typed, answer.results));
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
