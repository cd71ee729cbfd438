import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { useLoaded } from '../../ui/use-loaded';
import { StatusChange } from './status-change';

const PAGE_SIZE = 20;

/** What the registrar searches by: a course of the body, a learner's id, or neither (the newest of all). */
interface Search {
  courseId: string;
  learnerId: string;
  page: number;
}

type Listed = Awaited<ReturnType<typeof searchCredentials>>['items'][number];
type Course = Awaited<ReturnType<typeof coursesOf>>[number];

function searchCredentials(api: ApiClients, { courseId, learnerId, page }: Search) {
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(courseId ? { courseId } : {}),
    ...(learnerId ? { learnerId } : {}),
  };
  return dataOf(api.credentials.GET('/api/credentials/awarding-body/credentials', { params: { query } }));
}

async function coursesOf(api: ApiClients) {
  const query = { params: { query: { pageSize: 200 } } };
  return (await dataOf(api.enrolment.GET('/api/enrolment/courses', query))).items;
}

const STATES: Record<Listed['status']['state'], string> = {
  active: 'Valid',
  revoked: 'Revoked',
  suspended: 'Suspended',
};

const when = (timestamp: string) =>
  new Date(timestamp).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Searches the body's credentials by course and/or learner; each found one can be revoked, suspended or reinstated. */
export function CredentialSearch({ api }: { api: ApiClients }) {
  const [courses] = useLoaded(() => coursesOf(api), [api]);
  const [courseId, setCourseId] = useState('');
  const [learnerId, setLearnerId] = useState('');
  const [search, setSearch] = useState<Search>({ courseId: '', learnerId: '', page: 1 });
  const [found, reload] = useLoaded(() => searchCredentials(api, search), [api, search]);
  const error = found.state === 'failed' ? found.error : undefined;
  const errors = fieldErrorsOf(error);
  const problem = formProblemOf(error, ['courseId', 'learnerId']);
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Search by course or learner</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ courseId, learnerId: learnerId.trim(), page: 1 });
        }}
      >
        <FormField label="Course" error={errors.courseId}>
          <select value={courseId} onChange={(event) => setCourseId(event.target.value)}>
            <option value="">Any course</option>
            {courses.state === 'ready' &&
              courses.data.map((course: Course) => (
                <option key={course.id} value={course.id}>
                  {course.code} {course.title}
                </option>
              ))}
          </select>
        </FormField>
        <FormField
          label="Learner id"
          hint="Optional. The learner's id, as on their enrolment (like 74cca6aa-8641-4ccf-be6f-2dfaa4c5239f)."
          error={errors.learnerId}
        >
          <input value={learnerId} onChange={(event) => setLearnerId(event.target.value)} />
        </FormField>
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {found.state === 'loading' && <p aria-busy="true">Searching your credentials…</p>}
      {found.state === 'ready' && (
        <Results
          api={api}
          page={found.data}
          scope={scopeOf(search, courses.state === 'ready' ? courses.data : [])}
          onChanged={reload}
          onPage={(page) => setSearch({ ...search, page })}
        />
      )}
    </section>
  );
}

/** What was searched, in words: " on HDS-101 Health data science for learner 74cc…", or nothing for all. */
function scopeOf(search: Search, courses: readonly Course[]): string {
  const course = courses.find((c) => c.id === search.courseId);
  const on = course ? ` on ${course.code} ${course.title}` : search.courseId ? ' on the course chosen' : '';
  return `${on}${search.learnerId ? ` for learner ${search.learnerId}` : ''}`;
}

interface ResultsProps {
  api: ApiClients;
  scope: string;
  page: Awaited<ReturnType<typeof searchCredentials>>;
  onChanged: () => void;
  onPage: (page: number) => void;
}

function Results({ api, page, scope, onChanged, onPage }: ResultsProps) {
  const [changing, setChanging] = useState<string | undefined>();
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.items.length - 1;
  if (page.total === 0) return <p role="status">Your awarding body has issued no credentials{scope}.</p>;
  return (
    <>
      <p role="status">
        {first === last ? `Credential ${first}` : `Credentials ${first} to ${last}`} of {page.total}
        {scope}, newest first.
      </p>
      <ul className="cards" aria-label="Credentials found">
        {page.items.map((credential) => (
          <li key={credential.credentialId} className="card">
            <h3 className="card__title">{credential.learner.name ?? credential.learner.id}</h3>
            <CredentialFacts credential={credential} />
            {credential.status.state === 'revoked' ? (
              <p>A revoked credential stays revoked.</p>
            ) : changing === credential.credentialId ? (
              <StatusChange
                api={api}
                credentialId={credential.credentialId}
                onChanged={() => {
                  setChanging(undefined);
                  onChanged();
                }}
              />
            ) : (
              <button type="button" className="button" onClick={() => setChanging(credential.credentialId)}>
                Change the status of {credential.learner.name ?? 'this learner'}’s{' '}
                {credential.course.code ?? credential.achievementName}
              </button>
            )}
          </li>
        ))}
      </ul>
      {page.total > page.pageSize && (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={page.page === 1}
            onClick={() => onPage(page.page - 1)}
          >
            Newer
          </button>
          <button
            type="button"
            className="button"
            disabled={last >= page.total}
            onClick={() => onPage(page.page + 1)}
          >
            Older
          </button>
        </div>
      )}
    </>
  );
}

function CredentialFacts({ credential }: { credential: Listed }) {
  const { course, status } = credential;
  const level = credential.level
    ? `${credential.level.framework} level ${credential.level.level}`
    : undefined;
  return (
    <dl className="facts facts--stack">
      <dt>Course</dt>
      <dd>{[course.code, course.title].filter(Boolean).join(' ') || credential.achievementName}</dd>
      <dt>Achievement</dt>
      <dd>{credential.achievementName}</dd>
      {(credential.credits !== undefined || level) && (
        <>
          <dt>Credits and level</dt>
          <dd>
            {[credential.credits !== undefined && `${credential.credits} credits`, level]
              .filter(Boolean)
              .join(', ')}
          </dd>
        </>
      )}
      <dt>Awarded</dt>
      <dd>{when(credential.issuedAt)}</dd>
      <dt>Status</dt>
      <dd>
        {STATES[status.state]}
        {status.changedAt && ` since ${when(status.changedAt)}`}
        {status.reason && `: ${status.reason}`}
      </dd>
      <dt>Learner id</dt>
      <dd>{credential.learner.id}</dd>
      <dt>Credential id</dt>
      <dd>{credential.credentialId}</dd>
    </dl>
  );
}
