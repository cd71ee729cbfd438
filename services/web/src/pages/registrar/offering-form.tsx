import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';

const FIELDS = [
  'courseId',
  'deliveringOrganisationId',
  'startDate',
  'endDate',
  'mode',
  'location',
  'capacity',
  'enrolmentOpensAt',
  'enrolmentClosesAt',
];

type Mode = 'in-person' | 'online' | 'blended';

interface Draft {
  courseId: string;
  deliveringOrganisationId: string;
  startDate: string;
  endDate: string;
  mode: Mode;
  location: string;
  capacity: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
}

/** A `datetime-local` value as the API's timestamp with offset; kept as typed when it is not a date, so the API names it. */
function instantOf(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

function bodyOf(draft: Draft) {
  return {
    courseId: draft.courseId,
    deliveringOrganisationId: draft.deliveringOrganisationId.trim(),
    startDate: draft.startDate,
    endDate: draft.endDate,
    mode: draft.mode,
    ...(draft.location.trim() ? { location: draft.location.trim() } : {}),
    capacity: Number(draft.capacity),
    enrolmentOpensAt: instantOf(draft.enrolmentOpensAt),
    enrolmentClosesAt: instantOf(draft.enrolmentClosesAt),
  };
}

/**
 * Creates an offering of one of the body's courses and opens it for enrolment (create, then publish). The partner is
 * picked from those authorised for the course, or the body delivers it itself.
 */
export function OfferingForm({
  api,
  courses,
  partnersOf,
  ownBody,
  onCreated,
}: {
  api: ApiClients;
  courses: { id: string; code: string; title: string }[];
  /** The partners authorised today for a course. */
  partnersOf: (courseId: string) => { id: string; name: string }[];
  ownBody: string | undefined;
  onCreated: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    courseId: courses[0]?.id ?? '',
    deliveringOrganisationId: '',
    startDate: '',
    endDate: '',
    mode: 'in-person',
    location: '',
    capacity: '30',
    enrolmentOpensAt: '',
    enrolmentClosesAt: '',
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // A draft created whose publishing failed: trying again publishes it rather than creating a second one.
  const [unpublished, setUnpublished] = useState<string | undefined>();
  const errors = fieldErrorsOf(error);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((was) => ({ ...was, [field]: event.target.value }));
  const partners = partnersOf(draft.courseId);

  const create = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const id =
        unpublished ??
        (await dataOf(api.enrolment.POST('/api/enrolment/offerings', { body: bodyOf(draft) }))).id;
      setUnpublished(id);
      const path = '/api/enrolment/offerings/{id}/publish' as const;
      await dataOf(api.enrolment.POST(path, { params: { path: { id } } }));
      setUnpublished(undefined);
      // Only a success clears the form: after a refusal everything typed is still there.
      setDraft((was) => ({
        ...was,
        startDate: '',
        endDate: '',
        enrolmentOpensAt: '',
        enrolmentClosesAt: '',
      }));
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const problem = formProblemOf(error, FIELDS);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <FormField label="Course" error={errors.courseId}>
        <select value={draft.courseId} onChange={set('courseId')}>
          {courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.code} {course.title}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Delivered by"
        hint={partners.length === 0 ? 'No partner is authorised for this course today.' : undefined}
        error={errors.deliveringOrganisationId}
      >
        <select value={draft.deliveringOrganisationId} onChange={set('deliveringOrganisationId')}>
          <option value="">Choose who delivers it</option>
          {ownBody && <option value={ownBody}>Your awarding body</option>}
          {partners.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="First day" error={errors.startDate}>
        <input type="date" value={draft.startDate} onChange={set('startDate')} />
      </FormField>
      <FormField label="Last day" error={errors.endDate}>
        <input type="date" value={draft.endDate} onChange={set('endDate')} />
      </FormField>
      <FormField label="How it is delivered" error={errors.mode}>
        <select value={draft.mode} onChange={set('mode')}>
          <option value="in-person">In person</option>
          <option value="online">Online</option>
          <option value="blended">Blended</option>
        </select>
      </FormField>
      <FormField label="Where" hint="Needed unless it is online." error={errors.location}>
        <input value={draft.location} onChange={set('location')} />
      </FormField>
      <FormField label="Places" error={errors.capacity}>
        <input type="number" min={1} inputMode="numeric" value={draft.capacity} onChange={set('capacity')} />
      </FormField>
      <FormField label="Enrolment opens" error={errors.enrolmentOpensAt}>
        <input type="datetime-local" value={draft.enrolmentOpensAt} onChange={set('enrolmentOpensAt')} />
      </FormField>
      <FormField label="Enrolment closes" error={errors.enrolmentClosesAt}>
        <input type="datetime-local" value={draft.enrolmentClosesAt} onChange={set('enrolmentClosesAt')} />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button" disabled={busy}>
        {unpublished ? 'Open enrolment for the draft offering' : 'Create the offering and open enrolment'}
      </button>
    </form>
  );
}
