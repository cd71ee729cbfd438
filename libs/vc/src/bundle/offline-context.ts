import type { KeyObject } from 'node:crypto';
import { type DocumentFetcher, type FetchedDocument, OutboundFetchError } from '../outbound';
import type { VerificationContext } from '../verification/context';
import { HttpSource } from '../verification/http-source';
import { remoteStatusReader } from '../verification/remote-issuers';
import { remoteKeyResolver } from '../verification/remote-keys';
import type { BundledCredential, OfflineBundle } from './bundle-format';

/**
 * Serves a bundle's documents in place of the network: the URL a verifier would fetch gives the document published
 * there at the snapshot, in the form the Accept header prefers; any other URL is not there (and nothing is fetched).
 */
export class BundleFetcher implements DocumentFetcher {
  constructor(private readonly bundle: OfflineBundle) {}

  get(url: string, accept = ''): Promise<FetchedDocument> {
    const held = this.bundle.documents.filter((document) => document.url === url);
    const rank = (mediaType: string) => {
      const at = accept.indexOf(mediaType);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const best = held.sort((a, b) => rank(a.mediaType) - rank(b.mediaType))[0];
    if (!best) return Promise.reject(new OutboundFetchError('unreachable', `${url} is not in the bundle`));
    return Promise.resolve({ status: 200, body: best.body });
  }
}

/**
 * What a verifier knows without the bundle, when it knows anything: the verification service, its trust list and
 * issuers' keys; a user's machine, a trust snapshot it saved from the hub or an issuer's keys (trust-snapshot.ts).
 * Without one, the bundle's signatures are checked against its own keys only, and the result says the issuer is not
 * confirmed (verify-bundle.ts).
 */
export interface TrustAnchor {
  /** Whether the verifier trusts the issuer; with an anchor, the bundle's trust-list entry alone is not enough. */
  isTrusted?: (issuerId: string) => Promise<boolean>;
  /**
   * For an issuer whose keys the verifier itself knows, the key by this id (`key` undefined when it has none by
   * that id: then there is none); undefined for any other issuer, whose key is taken from the bundle.
   */
  knownKey?: (kid: string, issuerId: string) => Promise<{ key?: KeyObject } | undefined>;
}

/**
 * A verification context that reads only the bundle: the issuer is trusted when the bundle's trust-list entry (or
 * its DID) names it, keys come from the bundled JWKS and DID document, statuses from the bundled status lists
 * (checked as signed by the issuer, read as of the snapshot), and the hold and partner answers the issuer sealed.
 */
export function offlineContext(
  bundle: OfflineBundle,
  now: () => Date = () => new Date(),
  anchor: TrustAnchor = {},
): VerificationContext {
  const snapshot = new Date(bundle.snapshotAt);
  const http = new HttpSource({ fetcher: new BundleFetcher(bundle) });
  const trusted = (issuerId: string) =>
    issuerId === bundle.issuer.trustListEntry.issuerId ||
    (bundle.issuer.did !== undefined && issuerId === bundle.issuer.did);
  const bundledKey = remoteKeyResolver(http, (issuerId) =>
    Promise.resolve(trusted(issuerId) ? bundle.issuer.trustListEntry.jwksUrl : undefined),
  );
  // A key the verifier knows for itself wins over the bundle's: a bundle cannot swap in keys of its own making.
  const resolveKey = async (kid: string, issuerId: string) => {
    const known = await anchor.knownKey?.(kid, issuerId);
    return known ? known.key : bundledKey(kid, issuerId);
  };
  const readStatus = remoteStatusReader(http, resolveKey, () => snapshot);
  // The credentials the bundle holds (a learner record's, or the one credential) carry their hold and partner.
  const credentials = bundle.contents.filter(
    (content): content is BundledCredential => content.kind === 'credential',
  );
  const contentOf = (credentialId: string) => credentials.find((content) => content.id === credentialId);
  return {
    isTrusted: async (issuerId) =>
      trusted(issuerId) && (anchor.isTrusted ? await anchor.isTrusted(issuerId) : true),
    resolveKey,
    readStatus,
    readHold: async (credentialId, issuerId) => {
      const hold = contentOf(credentialId)?.hold;
      if (!hold || !trusted(issuerId)) return undefined;
      return readStatus({ credentialId, ...hold, purpose: 'suspension' }, issuerId);
    },
    partnerAuthorised: (question) => {
      const partner = credentials.find(
        (content) => content.partner?.partnerId === question.partnerId,
      )?.partner;
      return Promise.resolve(trusted(question.issuerId) ? partner?.authorised : undefined);
    },
    now,
    statusKnownAt: snapshot,
  };
}
