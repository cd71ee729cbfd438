import { type ApiClients, dataOf } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { AchievementForm } from './achievement-form';
import { SchemeSection } from './scheme-section';

type Course = Awaited<ReturnType<typeof coursesWithAchievements>>[number];

async function coursesWithAchievements(api: ApiClients) {
  const query = { params: { query: { pageSize: 200 } } };
  const [courses, achievements] = await Promise.all([
    dataOf(api.enrolment.GET('/api/enrolment/courses', query)),
    dataOf(api.credentials.GET('/api/credentials/achievements', query)),
  ]);
  const byCourse = new Map(achievements.items.map((achievement) => [achievement.courseId, achievement]));
  return courses.items.map((course) => ({ ...course, achievement: byCourse.get(course.id) }));
}

/** The body's courses, each with its achievement or a plain warning that it has none and the form to define it. */
export function CoursesPage({ api }: { api: ApiClients }) {
  const [loaded, reload] = useLoaded(() => coursesWithAchievements(api), [api]);
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="your courses" />;
  return (
    <>
      <h1>Courses and achievements</h1>
      <p>
        <Link to="/exam-board/courses/new">Publish a course</Link>
      </p>
      {loaded.data.length === 0 && <p>Your awarding body has no courses yet.</p>}
      <ul className="cards">
        {loaded.data.map((course) => (
          <CourseCard key={course.id} api={api} course={course} onDefined={reload} />
        ))}
      </ul>
    </>
  );
}

function CourseCard({ api, course, onDefined }: { api: ApiClients; course: Course; onDefined: () => void }) {
  return (
    <li className="card">
      <h2 className="card__title">
        {course.code} {course.title}
      </h2>
      <dl className="facts">
        <dt>Credits</dt>
        <dd>{course.credits.value}</dd>
        <dt>Level</dt>
        <dd>
          {course.level.framework} {course.level.level}
        </dd>
        <dt>Achievement</dt>
        <dd>
          {course.achievement ? (
            <>
              {course.achievement.name} (version {course.achievement.latestVersion}),{' '}
              <a href={course.achievement.url}>published here</a>
            </>
          ) : (
            'None yet'
          )}
        </dd>
      </dl>
      {!course.achievement && (
        <>
          <p className="warning">
            Passes on this course will not become credentials until you define its achievement.
          </p>
          <AchievementForm api={api} course={course} onDefined={onDefined} />
        </>
      )}
      <SchemeSection api={api} course={course} />
    </li>
  );
}
