import { type FormEvent, useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import type { paths } from '../../api/generated/enrolment';
import { uploadCsv } from '../../api/upload-csv';
import { toCsv } from '../../ui/csv';
import { RowReport } from '../../ui/row-report';
import { type Enrolment, learnerName } from '../offerings-api';
import { type Attendance, AttendanceChoice } from './attendance-choice';

type BulkAnswer =
  paths['/api/enrolment/offerings/{offeringId}/completions/bulk']['post']['responses'][200]['content']['application/json'];

/**
 * Attendance for the whole offering at once: each enrolled learner marked attended or not, sent as one CSV
 * (`email,attendance`) with a report per row; or one learner's alone.
 */
export function AttendanceForm(props: {
  api: ApiClients;
  offeringId: string;
  enrolments: readonly Enrolment[];
  onRecorded: () => void;
}) {
  const { api, offeringId, onRecorded } = props;
  const open = props.enrolments.filter((e) => e.status === 'enrolled');
  const [marks, setMarks] = useState<Record<string, Attendance>>({});
  const [answer, setAnswer] = useState<BulkAnswer | undefined>();
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const [busy, setBusy] = useState(false);

  const submitAll = (event: FormEvent) => {
    event.preventDefault();
    const rows = open.filter((e) => marks[e.id]).map((e) => [e.learner?.email ?? e.id, marks[e.id]!]);
    if (rows.length === 0) return setMessage({ text: 'Mark at least one learner first.', problem: true });
    setBusy(true);
    setMessage(undefined);
    const path = `/api/enrolment/offerings/${encodeURIComponent(offeringId)}/completions/bulk`;
    uploadCsv<BulkAnswer>(path, toCsv(['email', 'attendance'], rows), () => undefined)
      .then(setAnswer, (error: Error) => setMessage({ text: error.message, problem: true }))
      .finally(() => {
        setBusy(false);
        onRecorded();
      });
  };

  const recordOne = (enrolment: Enrolment) => {
    const attendance = marks[enrolment.id];
    if (!attendance) return setMessage({ text: `Mark ${learnerName(enrolment)} first.`, problem: true });
    const path = '/api/enrolment/enrolments/{id}/completion' as const;
    dataOf(api.enrolment.POST(path, { params: { path: { id: enrolment.id } }, body: { attendance } })).then(
      () => {
        setMessage({ text: `Recorded for ${learnerName(enrolment)}.`, problem: false });
        onRecorded();
      },
      (error: Error) => setMessage({ text: error.message, problem: true }),
    );
  };

  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">Attendance and completion</h2>
      {open.length === 0 && <p>No enrolled learner is waiting for their attendance to be recorded.</p>}
      {message && (
        <p role={message.problem ? 'alert' : 'status'} className={message.problem ? 'field__error' : 'done'}>
          {message.text}
        </p>
      )}
      {open.length > 0 && (
        <form className="form" onSubmit={submitAll} noValidate>
          {open.map((enrolment) => (
            <AttendanceChoice
              key={enrolment.id}
              enrolment={enrolment}
              value={marks[enrolment.id]}
              onChange={(value) => setMarks({ ...marks, [enrolment.id]: value })}
              onRecordOne={() => recordOne(enrolment)}
            />
          ))}
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setMarks(allAttended(open))}
            >
              Mark everyone attended
            </button>
            <button type="submit" className="button" disabled={busy}>
              Record attendance
            </button>
          </div>
        </form>
      )}
      {answer && <AttendanceReport answer={answer} offeringId={offeringId} />}
    </section>
  );
}

const allAttended = (open: readonly Enrolment[]): Record<string, Attendance> =>
  Object.fromEntries(open.map((e) => [e.id, 'attended']));

function AttendanceReport({ answer, offeringId }: { answer: BulkAnswer; offeringId: string }) {
  return (
    <RowReport
      title="Attendance report"
      summary={`${answer.rows} rows: ${answer.completed} recorded, ${answer.duplicate} recorded already, ${answer.invalid} not valid.`}
      whoHeading="Email"
      rows={answer.results.map((row) => ({
        line: row.line,
        who: row.email ?? row.enrolmentId ?? '',
        result: row.result,
        reason: row.reason,
      }))}
      fileName={`attendance-report-${offeringId}.csv`}
    />
  );
}
