import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import type { ProgrammeModule } from './msc-api';
import { draftOf, type RuleDraft, RuleFields, ruleFieldsShown, ruleOf } from './rule-fields';

/** Changes a module's recognition rule; claims are worked out with it from then on. */
export function ModuleRuleForm(props: {
  api: ApiClients;
  programmeId: string;
  module: ProgrammeModule;
  onSaved: () => void;
}) {
  const { api, programmeId, module, onSaved } = props;
  const [draft, setDraft] = useState<RuleDraft>(draftOf(module.rule));
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsOf(error);
  const save = () => {
    setSending(true);
    setError(undefined);
    const path = '/api/recognition/programmes/{id}/modules/{code}/rule' as const;
    const params = { path: { id: programmeId, code: module.code } };
    dataOf(api.recognition.PUT(path, { params, body: { rule: ruleOf(draft) } })).then(
      onSaved,
      (failure: unknown) => {
        setError(failure);
        setSending(false);
      },
    );
  };
  const problem = formProblemOf(error, ruleFieldsShown(draft));
  return (
    <form
      className="form"
      aria-label={`Rule for ${module.code}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <RuleFields value={draft} onChange={setDraft} errors={errors} />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button" disabled={sending}>
        Save the rule for {module.code}
      </button>
    </form>
  );
}
