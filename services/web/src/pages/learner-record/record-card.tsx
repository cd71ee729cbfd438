import { currentSession } from '../../auth/session';
import { downloadFile } from '../download';
import { longDate } from '../../ui/dates';
import { type Fact, FactsList } from '../../ui/facts-list';
import { counted, type OwnRecord, type RecordStanding, recordFacts } from './learner-record';

type RecordFormat = 'jwt' | 'json' | 'data-integrity' | 'bundle';

const FORMATS: { format: RecordFormat; label: string; file: string }[] = [
  { format: 'jwt', label: 'Signed record (.jwt)', file: 'learner-record.jwt' },
  { format: 'json', label: 'Record (.json)', file: 'learner-record.json' },
  {
    format: 'data-integrity',
    label: 'Data Integrity (.json)',
    file: 'learner-record.data-integrity.json',
  },
  // The record with each credential it holds, keys and statuses: verifiable later without the network.
  { format: 'bundle', label: 'Offline bundle', file: 'learner-record.bundle.json' },
];

/** One of the learner's records: whom it is from, what it holds, where it stands, and its files. */
export function RecordCard({
  record,
  onProblem,
}: {
  record: OwnRecord;
  onProblem: (message: string) => void;
}) {
  const facts = recordFacts(record);
  const rows: Fact[] = [
    ['Made', madeAt(record.issuedAt)],
    ['Credentials', counted(facts.credentials, 'credential')],
    ['Courses', facts.courses.join(' · ')],
    [
      'MSc credit',
      facts.mscCredits > 0 ? `${counted(facts.mscCredits, 'credit')} approved` : 'None approved yet',
    ],
    ['Modules', facts.modules.join(' · ')],
  ];
  const download = ({ format, file }: (typeof FORMATS)[number]) => {
    const path = `/api/credentials/learners/me/clr/${encodeURIComponent(record.credentialId)}/download`;
    const token = currentSession()?.accessToken ?? '';
    downloadFile(`${path}?format=${format}`, token, file).catch((error: Error) => onProblem(error.message));
  };
  return (
    <li className="card">
      <h3 className="card__title">Record from {facts.awardingBody}</h3>
      <Standing standing={facts.standing} />
      <FactsList rows={rows} />
      <div className="actions">
        {FORMATS.map((choice) => (
          <button
            key={choice.format}
            type="button"
            className="button button--secondary"
            onClick={() => download(choice)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </li>
  );
}

/** Current, or why not: superseded by a newer record (revoked, so a verifier sees it is not the latest), revoked, suspended. */
function Standing({ standing }: { standing: RecordStanding }) {
  switch (standing.kind) {
    case 'current':
      return <p className="status status--valid">Current: your newest record from this awarding body</p>;
    case 'superseded':
      return (
        <p className="status status--unknown">
          Superseded{standing.on ? ` on ${longDate(standing.on)}` : ''} by a newer record: verifiers see it as
          revoked
        </p>
      );
    case 'revoked':
      return (
        <p className="status status--invalid">
          Revoked{standing.on ? ` on ${longDate(standing.on)}` : ''}
          {standing.reason ? `: ${standing.reason}` : ''}
        </p>
      );
    case 'suspended':
      return (
        <p className="status status--invalid">Suspended{standing.reason ? `: ${standing.reason}` : ''}</p>
      );
  }
}

/** The moment a record was made, in the reader's time: two records of one day differ by the time. */
function madeAt(when: string): string {
  return new Date(when).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
}
