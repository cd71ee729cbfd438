import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { SchemeForm } from './scheme-form';

/** A course's assessment scheme, read only when the registrar opens it (a page of courses stays one request). */
export function SchemeSection({ api, course }: { api: ApiClients; course: { id: string; title: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Assessment scheme</summary>
      {open && <Scheme api={api} course={course} />}
    </details>
  );
}

function Scheme({ api, course }: { api: ApiClients; course: { id: string; title: string } }) {
  // Not found: no scheme yet (or the course has not reached assessment yet, which the form waits out).
  const [loaded, reload] = useLoaded(
    () =>
      dataOf(
        api.assessment.GET('/api/assessment/schemes/{courseId}', {
          params: { path: { courseId: course.id } },
        }),
      ),
    [api, course.id],
  );
  if (loaded.state === 'not-found')
    return (
      <>
        <p className="warning">Marks cannot be entered for this course until you set how it is assessed.</p>
        <SchemeForm api={api} course={course} onSet={reload} />
      </>
    );
  return (
    <LoadedView loaded={loaded} what="the assessment scheme">
      {(scheme) => (
        <dl className="facts">
          {scheme.components.map((component) => (
            <div key={component.name} className="facts__row">
              <dt>{component.name}</dt>
              <dd>
                {component.weight}% of the mark, passed at {component.passMark}
              </dd>
            </div>
          ))}
          <div className="facts__row">
            <dt>Overall pass mark</dt>
            <dd>{scheme.overallPassMark}</dd>
          </div>
          <div className="facts__row">
            <dt>Attempts allowed</dt>
            <dd>{scheme.maxAttempts}</dd>
          </div>
        </dl>
      )}
    </LoadedView>
  );
}
