import { type FormEvent, useState } from 'react';
import { ApiError, type ApiClients, dataOf } from '../../api/client';
import { TextField } from '../../ui/text-field';
import type { Enrolment } from '../offerings-api';

type Field = 'email' | 'givenName' | 'familyName';
const EMPTY: Record<Field, string> = { email: '', givenName: '', familyName: '' };

/** Enrols one learner by their details: a seat while there is one, else the waitlist. */
export function EnrolOneForm({
  api,
  offeringId,
  onEnrolled,
}: {
  api: ApiClients;
  offeringId: string;
  onEnrolled: () => void;
}) {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(undefined);
    const path = '/api/enrolment/offerings/{offeringId}/enrolments' as const;
    dataOf(api.enrolment.POST(path, { params: { path: { offeringId } }, body: { learner: values } }))
      .then(
        (enrolment) => {
          setValues(EMPTY);
          setErrors({});
          setProblem(undefined);
          setDone(outcomeOf(enrolment));
          onEnrolled();
        },
        (error: Error) => {
          // What the user typed stays; the API's words go next to the fields they are about.
          const { fields, rest } = fieldErrorsOf(error);
          setErrors(fields);
          setProblem(rest);
        },
      )
      .finally(() => setBusy(false));
  };

  const field = (name: Field, label: string, autoComplete: string) => (
    <TextField
      id={`enrol-${name}`}
      label={label}
      value={values[name]}
      error={errors[name]}
      autoComplete={autoComplete}
      type={name === 'email' ? 'email' : 'text'}
      onChange={(value) => setValues({ ...values, [name]: value })}
    />
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="enrol-one">
      <h2 id="enrol-one">Enrol one learner</h2>
      {problem && (
        <p role="alert" className="field__error">
          {problem}
        </p>
      )}
      {done && (
        <p role="status" className="done">
          {done}
        </p>
      )}
      {field('email', 'Email', 'off')}
      {field('givenName', 'Given name', 'off')}
      {field('familyName', 'Family name', 'off')}
      <button type="submit" className="button" disabled={busy}>
        Enrol
      </button>
    </form>
  );
}

function outcomeOf(enrolment: Enrolment): string {
  const name = enrolment.learner
    ? `${enrolment.learner.givenName} ${enrolment.learner.familyName}`
    : 'The learner';
  if (enrolment.status === 'waitlisted')
    return `${name} is on the waitlist, at place ${enrolment.waitlistPosition}.`;
  if (enrolment.status === 'pending') return `${name}'s enrolment is being processed.`;
  return `${name} is enrolled${enrolment.seat ? `, seat ${enrolment.seat}` : ''}.`;
}

/** Splits the API's problem into messages for our fields (`learner.email` → email) and the rest. */
function fieldErrorsOf(error: Error): { fields: Partial<Record<Field, string>>; rest?: string } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: error.message };
  const fields: Partial<Record<Field, string>> = {};
  const others: string[] = [];
  for (const { field, message } of error.problem.errors ?? []) {
    const name = field.split('.').at(-1) as Field;
    if (name in EMPTY) fields[name] = message;
    else others.push(message);
  }
  const rest = others.length > 0 || Object.keys(fields).length === 0 ? error.message : undefined;
  return rest === undefined ? { fields } : { fields, rest: [rest, ...others].join(' ') };
}
