import { useState } from 'react';
import { ApiError, type ApiClients, dataOf } from '../../api/client';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';

type Change = 'revocation' | 'suspension' | 'reinstatement';
export type CredentialStatus = Awaited<ReturnType<typeof changeStatus>>;

const CHANGES: Record<Change, { label: string; verb: string; warning: string }> = {
  revocation: {
    label: 'Revoke',
    verb: 'revoke',
    warning: 'Revoking is permanent: every verifier will see the credential as revoked from now on.',
  },
  suspension: {
    label: 'Suspend',
    verb: 'suspend',
    warning: 'Verifiers will see the credential as suspended, with the reason, until you reinstate it.',
  },
  reinstatement: {
    label: 'Reinstate',
    verb: 'reinstate',
    warning: 'The suspension ends and verifiers will see the credential as valid again.',
  },
};

function changeStatus(api: ApiClients, credentialId: string, change: Change, reason: string) {
  const path = `/api/credentials/credentials/{credentialId}/${change}` as const;
  const body = change === 'reinstatement' && !reason ? {} : { reason };
  return dataOf(api.credentials.POST(path, { params: { path: { credentialId } }, body })).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.problem.status === 404)
        throw new Error('Your awarding body has issued no credential with this id.');
      throw error;
    },
  );
}

/** Revoke, suspend or reinstate one credential with a reason, after a confirmation; says its status after. */
export function StatusChange({
  api,
  credentialId,
  onChanged,
}: {
  api: ApiClients;
  credentialId: string;
  onChanged: (status: CredentialStatus) => void;
}) {
  const [change, setChange] = useState<Change>('revocation');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const { label, verb, warning } = CHANGES[change];
  const confirm = () => {
    setConfirming(false);
    setError(undefined);
    changeStatus(api, credentialId, change, reason.trim()).then(onChanged, setError);
  };
  const problem = formProblemOf(error, ['reason']);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <fieldset className="choices">
        <legend className="field__label">Change its status</legend>
        {(Object.keys(CHANGES) as Change[]).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="change"
              checked={change === option}
              onChange={() => setChange(option)}
            />{' '}
            {CHANGES[option].label}
          </label>
        ))}
      </fieldset>
      <FormField
        label="Reason"
        hint={
          change === 'reinstatement'
            ? 'Optional. Kept with the change.'
            : 'Kept with the change; verifiers see it for a suspension.'
        }
        error={fieldErrorsOf(error).reason}
      >
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
      </FormField>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className={change === 'reinstatement' ? 'button' : 'button button--danger'}>
        {label} this credential
      </button>
      <ConfirmDialog
        open={confirming}
        title={`${label} this credential?`}
        confirmLabel={label}
        danger={change !== 'reinstatement'}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          You are about to {verb} {credentialId}. {warning}
        </p>
        {reason.trim() && <p>Reason: {reason.trim()}</p>}
      </ConfirmDialog>
    </form>
  );
}
