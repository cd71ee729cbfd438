import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { FormField, fieldErrorsOf, formProblemOf } from '../../ui/form-field';
import type { Claim } from './claim-page';

type Module = Claim['proposal']['modules'][number];
type Decision = Claim['decisions'][number];

interface ModuleDecisionProps {
  api: ApiClients;
  claimId: string;
  module: Module;
  decision: Decision | undefined;
  onDecided: () => void;
}

/** One module of a claim: what is proposed and why, and the registrar's decision with a reason. */
export function ModuleDecision({ api, claimId, module, decision, onDecided }: ModuleDecisionProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const decide = (choice: 'approve' | 'reject') => {
    setError(undefined);
    const path = '/api/recognition/claims/{id}/decisions' as const;
    const body = { moduleCode: module.moduleCode, decision: choice, reason };
    dataOf(api.recognition.POST(path, { params: { path: { id: claimId } }, body })).then(onDecided, setError);
  };
  const problem = formProblemOf(error, ['reason']);
  return (
    <li className="card">
      <h2 className="card__title">{module.moduleCode}</h2>
      <p>
        {module.exempt ? `Proposed for exemption: ${module.credits} credits.` : 'Not proposed for exemption.'}{' '}
        {module.explanation}
      </p>
      {module.needs && <p className="hint">Still needs: {module.needs}</p>}
      {decision ? (
        <p role="status">
          {decision.decision === 'approved' ? 'Approved' : 'Refused'}: {decision.reason}
        </p>
      ) : (
        <form
          className="form"
          aria-label={`Decide ${module.moduleCode}`}
          onSubmit={(event) => event.preventDefault()}
        >
          <FormField
            label="Reason"
            hint="Kept with the decision; the learner sees it."
            error={fieldErrorsOf(error).reason}
          >
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
          </FormField>
          {problem && <p role="alert">{problem}</p>}
          <div className="actions">
            {module.exempt && (
              <button type="button" className="button" onClick={() => decide('approve')}>
                Approve {module.moduleCode}
              </button>
            )}
            <button type="button" className="button button--danger" onClick={() => decide('reject')}>
              Refuse {module.moduleCode}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
