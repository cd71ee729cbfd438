import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';

const FIELDS = ['partnerId', 'courseId', 'validFrom', 'validUntil'];

/** Authorises a partner organisation (by its id) to deliver one of the body's courses from a date. */
export function AuthorisationForm({
  api,
  courses,
  onGranted,
}: {
  api: ApiClients;
  courses: { id: string; code: string; title: string }[];
  onGranted: () => void;
}) {
  const [partnerId, setPartnerId] = useState('');
  const [courseId, setCourseId] = useState(courses[0]?.id ?? '');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<unknown>();
  const errors = fieldErrorsOf(error);
  const grant = () => {
    setError(undefined);
    const body = { partnerId: partnerId.trim(), courseId, validFrom, ...(validUntil ? { validUntil } : {}) };
    dataOf(api.enrolment.POST('/api/enrolment/authorisations', { body })).then(() => {
      setPartnerId('');
      onGranted();
    }, setError);
  };
  const problem = formProblemOf(error, FIELDS);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        grant();
      }}
    >
      <FormField
        label="Partner organisation id"
        hint="The id the hub gave the partner when it was registered."
        error={errors.partnerId}
      >
        <input value={partnerId} onChange={(event) => setPartnerId(event.target.value)} />
      </FormField>
      <FormField label="Course" error={errors.courseId}>
        <select value={courseId} onChange={(event) => setCourseId(event.target.value)}>
          {courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.code} {course.title}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="From" error={errors.validFrom}>
        <input type="date" value={validFrom} onChange={(event) => setValidFrom(event.target.value)} />
      </FormField>
      <FormField label="Until (optional)" error={errors.validUntil}>
        <input type="date" value={validUntil} onChange={(event) => setValidUntil(event.target.value)} />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button">
        Authorise the partner
      </button>
    </form>
  );
}
