import { useCallback } from 'react';
import { type ApiClients, dataOf } from '../../api/client';
import { Link } from '../../ui/link';
import { useLoaded } from './use-loaded';

/** The MSc programmes a learner can claim credit toward with their credentials. */
export function ProgrammesPage({ api }: { api: ApiClients }) {
  const load = useCallback(
    () => dataOf(api.recognition.GET('/api/recognition/programmes', { params: { query: {} } })),
    [api],
  );
  const { value, problem } = useLoaded(load);
  if (problem) return <p role="alert">{problem}</p>;
  if (!value) return <p aria-busy="true">Loading programmes…</p>;
  return (
    <>
      <h1>MSc credit</h1>
      <p>
        Your credentials can count toward modules of these programmes. Open one to see where you stand and to
        make a claim; the exam board decides each module.
      </p>
      {value.items.length === 0 && <p>No programmes accept credit yet.</p>}
      <ul className="cards">
        {value.items.map((programme) => (
          <li key={programme.id} className="card">
            <h2 className="card__title">
              <Link to={`/msc/${programme.id}`}>{programme.title}</Link>
            </h2>
            <p className="hint">
              {programme.code} · {programme.credits} credits
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
