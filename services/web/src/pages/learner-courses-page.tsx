import { type ApiClients, dataOf } from '../api/client';
import { Link } from '../ui/link';
import { longDate } from '../ui/dates';
import { type Fact, FactsList } from '../ui/facts-list';
import { LoadedView } from '../ui/loaded-view';
import { useLoaded } from '../ui/use-loaded';
import {
  type Loaded,
  type OwnCourse,
  type OwnEnrolment,
  ownCourses,
  type ResultStanding,
} from './learner-courses';

const ALL = { query: { pageSize: 200 } };

/** The learner's enrolments, ratified results and credentials, read together (a learner has few of each). */
async function loadOwnCourses(api: ApiClients): Promise<Loaded> {
  const [enrolments, results, credentials] = await Promise.all([
    dataOf(api.enrolment.GET('/api/enrolment/learners/me/enrolments', { params: ALL })),
    dataOf(api.assessment.GET('/api/assessment/learners/me/results', { params: ALL })),
    dataOf(api.credentials.GET('/api/credentials/learners/me/credentials', { params: ALL })),
  ]);
  return { enrolments, results: results.items, credentials: credentials.items };
}

/** A learner's courses: each enrolment, where it stands, its ratified result and the credential it earned. */
export function LearnerCoursesPage({ api }: { api: ApiClients }) {
  const [loaded] = useLoaded(() => loadOwnCourses(api), [api]);
  return (
    <LoadedView loaded={loaded} what="your courses">
      {(value) => {
        const courses = ownCourses(value);
        return (
          <>
            <h1>Your courses</h1>
            <p>
              Each course you enrolled on, where your enrolment stands, and your result once the exam board
              has ratified it.
            </p>
            {courses.length === 0 && <p>You are not enrolled on any course yet.</p>}
            {value.enrolments.total > courses.length && (
              <p className="hint">
                Your {courses.length} most recent enrolments of {value.enrolments.total}.
              </p>
            )}
            <ul className="cards">
              {courses.map((course) => (
                <CourseCard key={course.enrolment.id} course={course} />
              ))}
            </ul>
          </>
        );
      }}
    </LoadedView>
  );
}

function CourseCard({ course: { enrolment, result, hasCredential } }: { course: OwnCourse }) {
  const rows: Fact[] = [
    ['Enrolment', enrolmentWords(enrolment)],
    ['Attendance', enrolment.attendance && ATTENDANCE[enrolment.attendance]],
    ['Result', resultWords(result)],
    [
      'Ratified on',
      result.kind === 'ratified' && result.ratifiedAt ? longDate(result.ratifiedAt) : undefined,
    ],
    ['Delivered by', enrolment.deliveringPartner.name],
    ['Awarded by', enrolment.awardingBody.name],
  ];
  return (
    <li className="card">
      <h2 className="card__title">{enrolment.course.title}</h2>
      <p className="hint">
        {enrolment.course.code} · {datesOf(enrolment.offering)} · {placeOf(enrolment.offering)}
      </p>
      <FactsList rows={rows} />
      {hasCredential && (
        <p>
          <Link to="/credentials">See your credential for this course</Link>
        </p>
      )}
    </li>
  );
}

const ATTENDANCE = { attended: 'Attended', 'did-not-attend': 'Did not attend' } as const;

function enrolmentWords(enrolment: OwnEnrolment): string {
  switch (enrolment.status) {
    case 'enrolled':
      return 'Enrolled';
    case 'waitlisted':
      return enrolment.waitlistPosition
        ? `On the waitlist (number ${enrolment.waitlistPosition})`
        : 'On the waitlist';
    case 'pending':
      return 'Requested: your place is being confirmed';
    case 'withdrawn':
      return enrolment.withdrawnAt ? `Withdrawn on ${longDate(enrolment.withdrawnAt)}` : 'Withdrawn';
    case 'completed':
      return enrolment.completedAt ? `Completed on ${longDate(enrolment.completedAt)}` : 'Completed';
  }
}

function resultWords(result: ResultStanding): string {
  switch (result.kind) {
    case 'ratified':
      return `${result.passed ? 'Passed' : 'Not passed'}: mark ${result.overallMark}, grade ${result.grade}`;
    case 'awaiting-exam-board':
      return 'Awaiting the exam board';
    case 'none':
      return result.why;
  }
}

function datesOf({ startDate, endDate }: OwnEnrolment['offering']): string {
  return startDate === endDate ? longDate(startDate) : `${longDate(startDate)} to ${longDate(endDate)}`;
}

function placeOf({ mode, location }: OwnEnrolment['offering']): string {
  if (mode === 'online') return 'Online';
  const how = mode === 'blended' ? 'Blended' : 'In person';
  return location ? `${how}, ${location}` : how;
}
