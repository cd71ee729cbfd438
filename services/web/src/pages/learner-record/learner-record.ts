import type { paths as CredentialsPaths } from '../../api/generated/credentials';
import { jwtPayload } from '../../api/jwt-payload';
import { asList, asObject } from '../../../../../libs/vc/src/json-reading';
import { summaryOf } from '../credential-summary';

// Pure: the page loads (learner-record-page.tsx); this reads what it shows, so it stays free of React and fetch.

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type OwnCredentialsPage = Answer<CredentialsPaths['/api/credentials/learners/me/credentials']['get']>;
type OwnRecordsPage = Answer<CredentialsPaths['/api/credentials/learners/me/clr']['get']>;
export type OwnCredential = OwnCredentialsPage['items'][number];
export type OwnRecord = OwnRecordsPage['items'][number];

/** An awarding body the learner holds credentials from: one a record can be asked of. */
export interface AwardingBody {
  id: string;
  name: string;
  /** Credentials issued by it, in any standing (the service counts only those in good standing). */
  credentials: number;
}

/** The bodies the learner's credentials come from, by name; the name is the one their credentials are signed with. */
export function awardingBodiesOf(credentials: readonly OwnCredential[]): AwardingBody[] {
  const bodies = new Map<string, AwardingBody>();
  for (const credential of credentials) {
    const known = bodies.get(credential.awardingBodyId);
    if (known) known.credentials += 1;
    else
      bodies.set(credential.awardingBodyId, {
        id: credential.awardingBodyId,
        name: summaryOf(credential.jwt).awardingBody ?? 'Your awarding body',
        credentials: 1,
      });
  }
  return [...bodies.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Where a record stands, in the learner's words. */
export type RecordStanding =
  | { kind: 'current' }
  | { kind: 'superseded'; on?: string }
  | { kind: 'revoked'; reason?: string; on?: string }
  | { kind: 'suspended'; reason?: string };

/** What a record's card shows: whom it is from, what it holds and where it stands. */
export interface RecordFacts {
  awardingBody: string;
  /** The courses of the credentials it holds, as their credentials name them. */
  courses: string[];
  credentials: number;
  /** MSc credit approved for them, in credits, and each module's words. */
  mscCredits: number;
  modules: string[];
  standing: RecordStanding;
}

const ENVELOPED = 'data:application/vc+jwt,';
/** The service's reason for a record a newer one replaced (learner-records.service.ts). */
const SUPERSEDED = /^Superseded by /;

export function recordFacts(record: OwnRecord): RecordFacts {
  const clr = jwtPayload(record.jwt);
  const held = asList(asObject(clr.credentialSubject).verifiableCredential);
  const courses = held.flatMap((entry) => {
    const id = asObject(entry).id;
    const course =
      typeof id === 'string' && id.startsWith(ENVELOPED)
        ? summaryOf(id.slice(ENVELOPED.length)).course
        : undefined;
    return course ? [course] : [];
  });
  return {
    awardingBody: summaryOf(record.jwt).awardingBody ?? 'Your awarding body',
    courses,
    credentials: record.credentialIds.length,
    mscCredits: record.credits.reduce((sum, credit) => sum + credit.credits, 0),
    modules: record.credits.map(
      (credit) => `${credit.programmeCode} module ${credit.moduleCode}: ${credit.credits} credits`,
    ),
    standing: standingOf(record.status),
  };
}

function standingOf(status: OwnRecord['status']): RecordStanding {
  const on = status.changedAt;
  switch (status.state) {
    case 'active':
      return { kind: 'current' };
    case 'suspended':
      return { kind: 'suspended', ...(status.reason ? { reason: status.reason } : {}) };
    case 'revoked':
      if (status.reason && SUPERSEDED.test(status.reason))
        return { kind: 'superseded', ...(on ? { on } : {}) };
      return { kind: 'revoked', ...(status.reason ? { reason: status.reason } : {}), ...(on ? { on } : {}) };
  }
}

/** "1 credential", "3 credentials". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
