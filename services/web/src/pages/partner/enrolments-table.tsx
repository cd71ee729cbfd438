import { ScrollTable } from '../../ui/scroll-table';
import { type Enrolment, learnerName } from '../offerings-api';

const STATUS_WORDS: Record<Enrolment['status'], string> = {
  enrolled: 'Enrolled',
  waitlisted: 'Waitlisted',
  withdrawn: 'Withdrawn',
  completed: 'Completed',
  pending: 'Being processed',
};

const ATTENDANCE_WORDS = { attended: 'Attended', 'did-not-attend': 'Did not attend' } as const;

/** The offering's learners with a seat (or finished), then its waitlist in order. */
export function EnrolmentsTable({ enrolments }: { enrolments: readonly Enrolment[] }) {
  const seated = enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'withdrawn');
  const waiting = enrolments
    .filter((e) => e.status === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return (
    <section aria-labelledby="enrolments">
      <h2 id="enrolments">Enrolments</h2>
      {seated.length === 0 && <p>No one is enrolled yet.</p>}
      {seated.length > 0 && (
        <ScrollTable label="Enrolled learners">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Seat</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {seated.map((enrolment) => (
                <tr key={enrolment.id}>
                  <th scope="row" className="table__wrap">
                    {learnerName(enrolment)}
                    <span className="table__detail">{enrolment.learner?.email}</span>
                  </th>
                  <td>{enrolment.seat ?? ''}</td>
                  <td>
                    {STATUS_WORDS[enrolment.status]}
                    {enrolment.attendance && ` (${ATTENDANCE_WORDS[enrolment.attendance]})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h3>Waitlist</h3>
      {waiting.length === 0 && <p>No one is waiting for a seat.</p>}
      {waiting.length > 0 && (
        <ol className="waitlist">
          {waiting.map((enrolment) => (
            <li key={enrolment.id}>
              {learnerName(enrolment)} <span className="hint">{enrolment.learner?.email}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
