import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { whenArrived } from '../../ui/travelling';

const FIELDS = ['criteria', 'name', 'minimumMark', 'achievementType'] as const;

/**
 * Defines a course's achievement. A course published moments ago may not have reached credentials yet (it answers
 * 404): the form says it is being processed and sends again by itself.
 */
export function AchievementForm({
  api,
  course,
  onDefined,
}: {
  api: ApiClients;
  course: { id: string; title: string };
  onDefined: () => void;
}) {
  const [criteria, setCriteria] = useState('');
  const [name, setName] = useState('');
  const [minimumMark, setMinimumMark] = useState('');
  const [achievementType, setAchievementType] = useState<'Course' | 'MicroCredential'>('Course');
  const [state, setState] = useState<'editing' | 'sending' | 'processing'>('editing');
  const [error, setError] = useState<unknown>();
  const errors = fieldErrorsOf(error);
  const define = () => {
    setError(undefined);
    setState('sending');
    const body = {
      courseId: course.id,
      criteria,
      achievementType,
      ...(name.trim() ? { name } : {}),
      ...(minimumMark.trim() ? { minimumMark: Number(minimumMark) } : {}),
    };
    whenArrived(
      () => dataOf(api.credentials.POST('/api/credentials/achievements', { body })),
      () => setState('processing'),
    ).then(onDefined, (failure: unknown) => {
      setError(failure);
      setState('editing');
    });
  };
  const problem = formProblemOf(error, FIELDS);
  return (
    <form
      className="form"
      aria-label={`Define the achievement of ${course.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        define();
      }}
    >
      <FormField label="Criteria" hint="What a learner must do to earn it." error={errors.criteria}>
        <textarea value={criteria} onChange={(event) => setCriteria(event.target.value)} rows={3} />
      </FormField>
      <FormField
        label="Name (optional)"
        hint={`The course title, ${course.title}, when left empty.`}
        error={errors.name}
      >
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField label="Type" error={errors.achievementType}>
        <select
          value={achievementType}
          onChange={(event) => setAchievementType(event.target.value as 'Course')}
        >
          <option value="Course">Course</option>
          <option value="MicroCredential">Micro-credential</option>
        </select>
      </FormField>
      <FormField
        label="Minimum overall mark (optional)"
        hint="A pass below it earns no credential."
        error={errors.minimumMark}
      >
        <input
          inputMode="decimal"
          value={minimumMark}
          onChange={(event) => setMinimumMark(event.target.value)}
        />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      {state === 'processing' && (
        <p role="status">This course is being processed. The achievement is saved as soon as it is ready.</p>
      )}
      <button type="submit" className="button" disabled={state !== 'editing'}>
        Define the achievement
      </button>
    </form>
  );
}
