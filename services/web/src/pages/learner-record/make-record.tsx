import { useState } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { whenArrived } from '../../ui/travelling';
import { longDate } from '../../ui/dates';
import { type AwardingBody } from './learner-record';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'processing' }
  | { kind: 'made' }
  | { kind: 'unchanged'; since: string }
  | { kind: 'refused'; message: string };

function makeRecord(api: ApiClients, awardingBodyId: string) {
  return dataOf(api.credentials.POST('/api/credentials/learners/me/clr', { body: { awardingBodyId } }));
}

/**
 * One awarding body the learner holds credentials from, and "Make a record" for it. A body the credentials service
 * does not know as an issuer yet (404) is still travelling: "being processed", asked again by itself.
 */
export function MakeRecord({
  api,
  body,
  onMade,
}: {
  api: ApiClients;
  body: AwardingBody;
  onMade: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const make = () => {
    setOutcome({ kind: 'making' });
    whenArrived(
      () => makeRecord(api, body.id),
      () => setOutcome({ kind: 'processing' }),
    ).then(
      (answer) => {
        setOutcome(answer.created ? { kind: 'made' } : { kind: 'unchanged', since: answer.record.issuedAt });
        onMade();
      },
      (error: Error) => setOutcome({ kind: 'refused', message: error.message }),
    );
  };
  const busy = outcome.kind === 'making' || outcome.kind === 'processing';
  return (
    <li className="card">
      <h3 className="card__title">{body.name}</h3>
      <p className="hint">Credentials from them: {body.credentials.toLocaleString('en-GB')}.</p>
      <OutcomeLine outcome={outcome} body={body.name} />
      <div className="actions">
        <button type="button" className="button" onClick={make} disabled={busy}>
          Make a record from {body.name}
        </button>
      </div>
    </li>
  );
}

function OutcomeLine({ outcome, body }: { outcome: Outcome; body: string }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'making':
      return (
        <p role="status" aria-busy="true">
          Making your record…
        </p>
      );
    case 'processing':
      return (
        <p role="status" aria-busy="true">
          Your record from {body} is being processed. This page updates by itself.
        </p>
      );
    case 'made':
      return <p role="status">Your new record from {body} is first in Your records below.</p>;
    case 'unchanged':
      return (
        <p role="status">
          Nothing has changed since your current record from {body}, made on {longDate(outcome.since)}: it is
          in Your records below. MSc credit approved in the last minute may not have reached us yet; try again
          shortly.
        </p>
      );
    case 'refused':
      return (
        <div className="action-answer">
          <p role="alert" className="field__error">
            {outcome.message}
          </p>
        </div>
      );
  }
}
