import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { Link } from '../../ui/link';
import { navigate } from '../../ui/router';

const FORMATS = {
  workshop: 'Workshop',
  'short-course': 'Short course',
  'hack-day': 'Hack day',
  online: 'Online',
};
const FRAMEWORKS = ['FHEQ', 'RQF', 'SCQF'] as const;
const EMPTY = {
  code: '',
  title: '',
  description: '',
  learningOutcomes: '',
  format: 'workshop' as keyof typeof FORMATS,
  notionalHours: '',
  credits: '',
  framework: 'FHEQ' as (typeof FRAMEWORKS)[number],
  level: '',
  eqfLevel: '',
};
type Draft = typeof EMPTY;
const SHOWN = [
  'code',
  'title',
  'description',
  'learningOutcomes',
  'format',
  'notionalHours',
  'credits',
  'level',
  'level.framework',
  'level.level',
  'level.eqfLevel',
];

/** Numbers as typed: a blank or unreadable entry goes as it is, so the API names the field. */
const numberOf = (text: string) => (text.trim() === '' ? (undefined as unknown as number) : Number(text));

function bodyOf(draft: Draft) {
  return {
    code: draft.code.trim(),
    title: draft.title,
    description: draft.description,
    learningOutcomes: draft.learningOutcomes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    format: draft.format,
    notionalHours: numberOf(draft.notionalHours),
    credits: numberOf(draft.credits),
    level: { framework: draft.framework, level: numberOf(draft.level), eqfLevel: numberOf(draft.eqfLevel) },
  };
}

/** Publishes a course of the body; the API's field errors are shown beside the fields, and nothing typed is lost. */
export function NewCoursePage({ api }: { api: ApiClients }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsOf(error);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const publish = () => {
    setSending(true);
    setError(undefined);
    dataOf(api.enrolment.POST('/api/enrolment/courses', { body: bodyOf(draft) })).then(
      () => navigate('/exam-board/courses'),
      (failure: unknown) => {
        setError(failure);
        setSending(false);
      },
    );
  };
  const problem = formProblemOf(error, SHOWN);
  return (
    <>
      <p>
        <Link to="/exam-board/courses">Courses and achievements</Link>
      </p>
      <h1>Publish a course</h1>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          publish();
        }}
      >
        <FormField label="Code" hint="Unique among your courses, e.g. HDS-101." error={errors.code}>
          <input value={draft.code} onChange={set('code')} />
        </FormField>
        <FormField label="Title" error={errors.title}>
          <input value={draft.title} onChange={set('title')} />
        </FormField>
        <FormField label="Description" error={errors.description}>
          <textarea value={draft.description} onChange={set('description')} rows={4} />
        </FormField>
        <FormField label="Learning outcomes" hint="One a line." error={errors.learningOutcomes}>
          <textarea value={draft.learningOutcomes} onChange={set('learningOutcomes')} rows={4} />
        </FormField>
        <FormField label="Format" error={errors.format}>
          <select value={draft.format} onChange={set('format')}>
            {Object.entries(FORMATS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Notional hours" error={errors.notionalHours}>
          <input inputMode="decimal" value={draft.notionalHours} onChange={set('notionalHours')} />
        </FormField>
        <FormField
          label="UK credits"
          hint="1 credit is 10 notional hours; halves allowed."
          error={errors.credits}
        >
          <input inputMode="decimal" value={draft.credits} onChange={set('credits')} />
        </FormField>
        <LevelFields draft={draft} set={set} errors={errors} />
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" className="button" disabled={sending}>
          Publish the course
        </button>
      </form>
    </>
  );
}

interface LevelProps {
  draft: Draft;
  set: (field: keyof Draft) => (event: { target: { value: string } }) => void;
  errors: Record<string, string>;
}

function LevelFields({ draft, set, errors }: LevelProps) {
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Level</legend>
      <FormField label="Framework" error={errors['level.framework']}>
        <select value={draft.framework} onChange={set('framework')}>
          {FRAMEWORKS.map((framework) => (
            <option key={framework}>{framework}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Level in that framework" error={errors['level.level'] ?? errors.level}>
        <input inputMode="numeric" value={draft.level} onChange={set('level')} />
      </FormField>
      <FormField label="EQF level" hint="1 to 8." error={errors['level.eqfLevel']}>
        <input inputMode="numeric" value={draft.eqfLevel} onChange={set('eqfLevel')} />
      </FormField>
    </fieldset>
  );
}
