import { type Enrolment, learnerName } from '../offerings-api';
import { moveInGrid } from './grid-keys';
import { outcomeWords, type Result, resultWords, type RowOutcome } from './marks-api';
import { rowProblems, type TypedMarks } from './mark-rules';

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

/** A learner's row: their name with their result so far (or this submission's outcome), and a cell per component. */
export function GridRow({ row, learner, components, typed, requireAll, result, outcome, onType }: RowProps) {
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
