import type { VerificationContext } from './context';
import { OpenFetcher } from '../outbound';
import { HttpSource } from './http-source';
import { remoteStatusReader } from './remote-issuers';
import { remoteKeyResolver } from './remote-keys';

interface TrustListEntry {
  issuerId: string;
  /** None for a did:key issuer, which is its own key, or a did:web one, whose DID document lists its keys. */
  jwksUrl?: string;
  kind: 'own' | 'external';
}

/**
 * A verifier that runs away from the service (the command line): it trusts what a Credit Bridge server's public
 * trust list says, fetches keys and status lists over HTTP like any verifier, and asks the server only what a
 * credential cannot show: whether a partner was authorised, and whether one of its credentials is on hold.
 */
export function serverContext(
  serverUrl: string,
  // On the user's own machine, whatever the user can reach is theirs to fetch from: no address guard.
  http = new HttpSource({ fetcher: new OpenFetcher() }),
): VerificationContext {
  const base = serverUrl.replace(/\/+$/, '');
  let trustList: Promise<Map<string, TrustListEntry>> | undefined;
  const entryOf = async (issuerId: string) =>
    (
      await (trustList ??= loadTrustList(base)).catch((error: unknown) => {
        trustList = undefined;
        throw error;
      })
    ).get(issuerId);
  const resolveKey = remoteKeyResolver(http, async (issuerId) => (await entryOf(issuerId))?.jwksUrl);
  return {
    isTrusted: async (issuerId) => (await entryOf(issuerId)) !== undefined,
    resolveKey,
    readStatus: remoteStatusReader(http, resolveKey),
    readHold: async (credentialId, issuerId) => {
      if ((await entryOf(issuerId))?.kind !== 'own') return undefined;
      const query = new URLSearchParams({ issuerId, credentialId });
      const answer = (await getJson(`${base}/api/credentials/hold-check?${query.toString()}`)) as {
        suspended: boolean;
        reason?: string;
      };
      return { set: answer.suspended, ...(answer.reason ? { reason: answer.reason } : {}) };
    },
    partnerAuthorised: async (question) => {
      if ((await entryOf(question.issuerId))?.kind !== 'own') return undefined;
      const query = new URLSearchParams({ ...question });
      const answer = await getJson(
        `${base}/api/credentials/partner-authorisations/check?${query.toString()}`,
      );
      return (answer as { authorised: boolean }).authorised;
    },
  };
}

async function loadTrustList(base: string): Promise<Map<string, TrustListEntry>> {
  const entries = new Map<string, TrustListEntry>();
  for (let page = 1; ; page += 1) {
    const answer = (await getJson(`${base}/api/credentials/trust-list?page=${page}&pageSize=200`)) as {
      items: TrustListEntry[];
      total: number;
    };
    for (const entry of answer.items) entries.set(entry.issuerId, entry);
    if (answer.items.length === 0 || page * 200 >= answer.total) return entries;
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
