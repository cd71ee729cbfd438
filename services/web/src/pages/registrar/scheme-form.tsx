import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { whenArrived } from '../../ui/travelling';

const FIELDS = ['components', 'overallPassMark', 'maxAttempts'];

interface ComponentDraft {
  name: string;
  weight: string;
  passMark: string;
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Sets how a course is assessed: its components (weights adding up to 100) with their pass marks, the overall pass
 * mark and the attempts allowed. A course published moments ago may not have reached assessment yet: the form says
 * it is being processed and sends again by itself.
 */
export function SchemeForm({
  api,
  course,
  onSet,
}: {
  api: ApiClients;
  course: { id: string; title: string };
  onSet: () => void;
}) {
  const [components, setComponents] = useState<ComponentDraft[]>([
    { name: '', weight: '100', passMark: '40' },
  ]);
  const [overallPassMark, setOverallPassMark] = useState('40');
  const [maxAttempts, setMaxAttempts] = useState('2');
  const [state, setState] = useState<'editing' | 'sending' | 'processing'>('editing');
  const [error, setError] = useState<unknown>();
  const errors = fieldErrorsOf(error);
  const change = (index: number, field: keyof ComponentDraft, value: string) =>
    setComponents((was) => was.map((row, at) => (at === index ? { ...row, [field]: value } : row)));

  const send = () => {
    setError(undefined);
    setState('sending');
    const body = {
      courseId: course.id,
      components: components.map((row) => ({
        name: row.name.trim(),
        weight: numberOf(row.weight),
        passMark: numberOf(row.passMark),
      })),
      overallPassMark: numberOf(overallPassMark),
      maxAttempts: numberOf(maxAttempts),
    };
    whenArrived(
      () => dataOf(api.assessment.POST('/api/assessment/schemes', { body })),
      () => setState('processing'),
    ).then(onSet, (failure: unknown) => {
      setError(failure);
      setState('editing');
    });
  };

  const problem = formProblemOf(error, FIELDS);
  return (
    <form
      className="form"
      noValidate
      aria-label={`Set how ${course.title} is assessed`}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <fieldset className="fieldset">
        <legend className="field__label">Components</legend>
        {errors.components && <p className="field__error">{errors.components}</p>}
        {components.map((row, index) => (
          <div key={index} className="fieldset__row">
            <FormField label={`Component ${index + 1} name`} error={errors[`components.${index}.name`]}>
              <input value={row.name} onChange={(event) => change(index, 'name', event.target.value)} />
            </FormField>
            <FormField label="Weight (%)" error={errors[`components.${index}.weight`]}>
              <input
                inputMode="decimal"
                value={row.weight}
                onChange={(event) => change(index, 'weight', event.target.value)}
              />
            </FormField>
            <FormField label="Pass mark" error={errors[`components.${index}.passMark`]}>
              <input
                inputMode="decimal"
                value={row.passMark}
                onChange={(event) => change(index, 'passMark', event.target.value)}
              />
            </FormField>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setComponents((was) => [...was, { name: '', weight: '', passMark: '40' }])}
        >
          Add a component
        </button>
      </fieldset>
      <FormField label="Overall pass mark" error={errors.overallPassMark}>
        <input
          inputMode="decimal"
          value={overallPassMark}
          onChange={(event) => setOverallPassMark(event.target.value)}
        />
      </FormField>
      <FormField label="Attempts allowed" error={errors.maxAttempts}>
        <input
          inputMode="numeric"
          value={maxAttempts}
          onChange={(event) => setMaxAttempts(event.target.value)}
        />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      {state === 'processing' && (
        <p role="status">The course is still being set up across the system; this is sent again by itself.</p>
      )}
      <button type="submit" className="button" disabled={state !== 'editing'}>
        Set the assessment scheme
      </button>
    </form>
  );
}
