import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { Link } from '../../ui/link';
import { navigate } from '../../ui/router';
import { LEVEL_7, type LevelDraft, LevelFields, levelOf, numberOf } from './level-fields';

const EMPTY = {
  code: '',
  title: '',
  credits: '180',
  level: LEVEL_7,
  maxRecognitionCredits: '',
  recencyYears: '5',
  acceptExternal: true,
};
type Draft = typeof EMPTY;
const SHOWN = [
  'code',
  'title',
  'credits',
  'level.framework',
  'level.level',
  'level.eqfLevel',
  'policy.maxRecognitionCredits',
  'policy.recencyYears',
];

function bodyOf(draft: Draft) {
  return {
    code: draft.code.trim(),
    title: draft.title,
    credits: numberOf(draft.credits),
    level: levelOf(draft.level),
    policy: {
      ...(draft.maxRecognitionCredits.trim()
        ? { maxRecognitionCredits: numberOf(draft.maxRecognitionCredits) }
        : {}),
      recencyYears: numberOf(draft.recencyYears),
      acceptExternal: draft.acceptExternal,
    },
  };
}

/** Creates an MSc programme of the body with its recognition policy; its modules are added on its page. */
export function NewProgrammePage({ api }: { api: ApiClients }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsOf(error);
  const set =
    (field: 'code' | 'title' | 'credits' | 'maxRecognitionCredits' | 'recencyYears') =>
    (event: { target: { value: string } }) =>
      setDraft({ ...draft, [field]: event.target.value });
  const create = () => {
    setSending(true);
    setError(undefined);
    dataOf(api.recognition.POST('/api/recognition/programmes', { body: bodyOf(draft) })).then(
      (programme) => navigate(`/exam-board/programmes/${programme.id}`),
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
        <Link to="/exam-board/programmes">MSc programmes, modules and rules</Link>
      </p>
      <h1>Create a programme</h1>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <FormField label="Code" hint="Unique among your programmes, e.g. MSC-DH." error={errors.code}>
          <input value={draft.code} onChange={set('code')} />
        </FormField>
        <FormField label="Title" error={errors.title}>
          <input value={draft.title} onChange={set('title')} />
        </FormField>
        <FormField label="Credits" error={errors.credits}>
          <input inputMode="numeric" value={draft.credits} onChange={set('credits')} />
        </FormField>
        <LevelFields
          value={draft.level}
          onChange={(level: LevelDraft) => setDraft({ ...draft, level })}
          errors={errors}
          prefix="level"
        />
        <FormField
          label="Most credits by recognition"
          hint="Leave blank for a third of the programme’s credits."
          error={errors['policy.maxRecognitionCredits']}
        >
          <input
            inputMode="numeric"
            value={draft.maxRecognitionCredits}
            onChange={set('maxRecognitionCredits')}
          />
        </FormField>
        <FormField label="Oldest credential accepted, in years" error={errors['policy.recencyYears']}>
          <input inputMode="numeric" value={draft.recencyYears} onChange={set('recencyYears')} />
        </FormField>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.acceptExternal}
            onChange={(event) => setDraft({ ...draft, acceptExternal: event.target.checked })}
          />{' '}
          Accept credentials from other issuers the body trusts
        </label>
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" className="button" disabled={sending}>
          Create the programme
        </button>
      </form>
    </>
  );
}
