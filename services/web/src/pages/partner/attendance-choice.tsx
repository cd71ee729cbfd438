import { type Enrolment, learnerName } from '../offerings-api';

export type Attendance = 'attended' | 'did-not-attend';

/** One enrolled learner: attended or not, and a button to record theirs alone (the single completion call). */
export function AttendanceChoice(props: {
  enrolment: Enrolment;
  value: Attendance | undefined;
  onChange: (value: Attendance) => void;
  onRecordOne: () => void;
}) {
  const { enrolment, value, onChange, onRecordOne } = props;
  const name = learnerName(enrolment);
  const radio = (choice: Attendance, label: string) => (
    <label className="choice">
      <input
        type="radio"
        name={`attendance-${enrolment.id}`}
        value={choice}
        checked={value === choice}
        onChange={() => onChange(choice)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="attendance">
      <legend>{name}</legend>
      {radio('attended', 'Attended')}
      {radio('did-not-attend', 'Did not attend')}
      <button type="button" className="button button--quiet-dark" onClick={onRecordOne}>
        Record for {name} only
      </button>
    </fieldset>
  );
}
