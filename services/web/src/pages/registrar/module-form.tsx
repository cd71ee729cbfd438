import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import { LEVEL_7, type LevelDraft, LevelFields, levelOf, numberOf } from './level-fields';
import { EMPTY_RULE, type RuleDraft, RuleFields, ruleFieldsShown, ruleOf } from './rule-fields';

const EMPTY = {
  code: '',
  title: '',
  credits: '15',
  level: LEVEL_7,
  learningOutcomes: '',
  core: false,
  eligible: true,
  rule: EMPTY_RULE,
};
type Draft = typeof EMPTY;
const SHOWN = [
  'code',
  'title',
  'credits',
  'level.framework',
  'level.level',
  'level.eqfLevel',
  'learningOutcomes',
];

function bodyOf(draft: Draft) {
  return {
    code: draft.code.trim(),
    title: draft.title,
    credits: numberOf(draft.credits),
    level: levelOf(draft.level),
    learningOutcomes: draft.learningOutcomes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    core: draft.core,
    eligible: draft.eligible,
    // A module without criteria has no rule yet: it is given one later.
    ...(draft.rule.criteria.length ? { rule: ruleOf(draft.rule) } : {}),
  };
}

/** Adds a module to the programme, with its recognition rule if one is given. */
export function ModuleForm(props: { api: ApiClients; programmeId: string; onAdded: () => void }) {
  const { api, programmeId, onAdded } = props;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsOf(error);
  const set =
    (field: 'code' | 'title' | 'credits' | 'learningOutcomes') => (event: { target: { value: string } }) =>
      setDraft({ ...draft, [field]: event.target.value });
  const add = () => {
    setSending(true);
    setError(undefined);
    const path = '/api/recognition/programmes/{id}/modules' as const;
    dataOf(api.recognition.POST(path, { params: { path: { id: programmeId } }, body: bodyOf(draft) })).then(
      () => {
        setDraft(EMPTY);
        setSending(false);
        onAdded();
      },
      (failure: unknown) => {
        setError(failure);
        setSending(false);
      },
    );
  };
  const problem = formProblemOf(error, [...SHOWN, ...ruleFieldsShown(draft.rule)]);
  return (
    <form
      className="form"
      aria-label="Add a module"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <FormField label="Module code" hint="Capitals, digits and hyphens, e.g. DH-APPS." error={errors.code}>
        <input value={draft.code} onChange={set('code')} />
      </FormField>
      <FormField label="Module title" error={errors.title}>
        <input value={draft.title} onChange={set('title')} />
      </FormField>
      <FormField label="Module credits" error={errors.credits}>
        <input inputMode="numeric" value={draft.credits} onChange={set('credits')} />
      </FormField>
      <LevelFields
        value={draft.level}
        onChange={(level: LevelDraft) => setDraft({ ...draft, level })}
        errors={errors}
        prefix="level"
      />
      <FormField label="Learning outcomes" hint="One a line." error={errors.learningOutcomes}>
        <textarea rows={3} value={draft.learningOutcomes} onChange={set('learningOutcomes')} />
      </FormField>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.core}
          onChange={(event) => setDraft({ ...draft, core: event.target.checked })}
        />{' '}
        A core module
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.eligible}
          onChange={(event) => setDraft({ ...draft, eligible: event.target.checked })}
        />{' '}
        Recognition may replace it (not, for example, the dissertation)
      </label>
      <RuleFields
        value={draft.rule}
        onChange={(rule: RuleDraft) => setDraft({ ...draft, rule })}
        errors={errors}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button" disabled={sending}>
        Add the module
      </button>
    </form>
  );
}
