import { asList, asObject } from '../json-reading';
import { summariseCredential } from '../summary';
import { compactJwtOf, decodeCompact, MAX_RECORD_JWT_BYTES } from '../verification/input';
import { heldCredentialsOf, withHeldResults } from '../verification/held-credentials';
import { type Check, CHECKS, headlineOf, statusOf, type VerificationResult } from '../verification/result';
import { verifyCredential, type VerifyOptions } from '../verification/verify-credential';
import { missingStatusLists, type OfflineBundle, readBundle } from './bundle-format';
import { sealKid, sealProblem } from './bundle-seal';
import { offlineContext, type TrustAnchor } from './offline-context';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How old a snapshot may be before the result warns, unless the verifier says otherwise. */
export const DEFAULT_MAX_SNAPSHOT_AGE_MS = 30 * DAY_MS;

export interface OfflineVerifyOptions extends VerifyOptions {
  /** A snapshot older than this warns that the statuses may have changed since. */
  maxSnapshotAgeMs?: number;
  now?: () => Date;
  anchor?: TrustAnchor;
}

/** When the bundle's statuses were last known, and whether that is older than the verifier accepts. */
export interface SnapshotNote {
  takenAt: string;
  ageDays: number;
  stale: boolean;
  warning?: string;
}

export type OfflineVerificationResult = VerificationResult & { snapshot?: SnapshotNote };

/** The headline when nothing the verifier holds confirms the issuer: the bundle was checked against itself only. */
export const UNCONFIRMED_ISSUER_HEADLINE =
  'Issuer not confirmed: the credential matches the keys inside this file and nothing in it was changed, but the file alone cannot prove those keys are the awarding body’s. Check it against a trust snapshot you saved from the hub, or verify it online.';
const UNCONFIRMED_TRUST_MESSAGE =
  'Not confirmed: the issuer’s keys and trust-list entry came from the bundle itself, which anyone could make. Give a trust snapshot saved from the hub (--trust) or the issuer’s keys (--issuer-jwks) to confirm it.';

/**
 * Verifies an offline bundle without the network: the credential as any verification does, with its issuer's trust,
 * keys and statuses taken from the bundle as published at the snapshot. A part missing or not as the issuer sealed
 * it makes the result invalid, naming the part (the "Format and size" check).
 */
export async function verifyBundle(
  input: unknown,
  options: OfflineVerifyOptions = {},
): Promise<OfflineVerificationResult> {
  const now = options.now ?? (() => new Date());
  const read = readBundle(input);
  if ('missing' in read) return refused(`The bundle has no ${read.missing}.`, now());
  const bundle = read;
  const content = bundle.contents[0]!;
  const kid = sealKid(bundle);
  // A key the verifier could not reach now leaves the seal to the bundled keys; the key check then reports the error.
  const pinned =
    kid === undefined
      ? undefined
      : await options.anchor?.knownKey?.(kid, bundle.issuer.id).catch(() => undefined);
  const problem = sealProblem(bundle, pinned) ?? missingListProblem(bundle);
  const result = await verifyCredential(
    content.jwt,
    offlineContext(bundle, now, options.anchor),
    holderOf(options),
  );
  const held = content.kind === 'clr' ? withHeldCopiesChecked(result, bundle) : result;
  const checked = problem ? withFormatFailure(held, problem) : held;
  // Without an anchor, the bundle vouched for itself: its signatures hold, but its issuer is not confirmed.
  const trusted = options.anchor ? checked : withUnconfirmedTrust(checked);
  return { ...trusted, snapshot: snapshotNote(bundle, now(), options.maxSnapshotAgeMs) };
}

function withUnconfirmedTrust<T extends VerificationResult>(result: T): T {
  const checks = result.checks.map((check): Check =>
    check.id === 'trust' && check.outcome === 'passed'
      ? { ...check, outcome: 'failed', message: UNCONFIRMED_TRUST_MESSAGE }
      : check,
  );
  const status = statusOf(checks);
  const headline = status === 'untrusted-issuer' ? UNCONFIRMED_ISSUER_HEADLINE : headlineOf(status);
  const held = result.heldCredentials?.map((inner) => ({
    ...withUnconfirmedTrust(inner),
    index: inner.index,
  }));
  return {
    ...result,
    status,
    verified: false,
    headline,
    checks,
    ...(held ? { heldCredentials: held } : {}),
  };
}

function holderOf({ holderEmail }: VerifyOptions): VerifyOptions {
  return holderEmail ? { holderEmail } : {};
}

/**
 * Sealing covers what was put in; a list the credential (or the record, or a credential it holds) points at that
 * was never put in is named here.
 */
function missingListProblem(bundle: OfflineBundle): string | undefined {
  const urls = bundle.contents.flatMap((content) => {
    const decoded = decodeCompact(content.jwt, MAX_RECORD_JWT_BYTES);
    const listed =
      typeof decoded === 'string'
        ? []
        : asList(decoded.payload.credentialStatus)
            .map((entry) => asObject(entry).statusListCredential)
            .filter((url): url is string => typeof url === 'string');
    return content.kind === 'credential' && content.hold ? [...listed, content.hold.listUrl] : listed;
  });
  const missing = missingStatusLists(bundle, [...new Set(urls)]);
  return missing.length > 0 ? `The status list at ${missing[0]} is missing from the bundle.` : undefined;
}

/**
 * A learner record's credentials are verified as the record holds them (signed into it); the bundle's copy of each
 * (which carries its hold slot and partner answer) must be that same credential. One whose copy is altered or
 * missing is invalid, named by its own result.
 */
function withHeldCopiesChecked(result: VerificationResult, bundle: OfflineBundle): VerificationResult {
  if (!result.heldCredentials) return result;
  const decoded = decodeCompact(bundle.contents[0]!.jwt, MAX_RECORD_JWT_BYTES);
  if (typeof decoded === 'string') return result;
  const inRecord = heldCredentialsOf(decoded.payload).map((entry) => compactJwtOf(entry));
  const copies = new Map(bundle.contents.slice(1).map((content) => [content.id, content.jwt] as const));
  const held = result.heldCredentials.map((one) => {
    const id = one.summary.credentialId;
    if (id && copies.get(id) === inRecord[one.index]) return one;
    return {
      ...withFormatFailure(
        one,
        `The bundle’s copy of credential ${id ?? one.index + 1} is not the one the record holds: it was altered or is missing.`,
      ),
      index: one.index,
    };
  });
  return withHeldResults({ ...result, headline: headlineOf(result.status) }, held);
}

export function snapshotNote(
  bundle: OfflineBundle,
  now: Date,
  maxAgeMs = DEFAULT_MAX_SNAPSHOT_AGE_MS,
): SnapshotNote {
  const ageMs = now.getTime() - Date.parse(bundle.snapshotAt);
  const ageDays = Math.max(0, Math.floor(ageMs / DAY_MS));
  const stale = ageMs > maxAgeMs;
  return {
    takenAt: bundle.snapshotAt,
    ageDays,
    stale,
    ...(stale
      ? {
          warning: `The statuses are as last known at ${bundle.snapshotAt}, ${ageDays} days ago (over ${Math.round(maxAgeMs / DAY_MS)} days): the credential may have been revoked or suspended since. Verify it online, or download a new bundle.`,
        }
      : {}),
  };
}

function withFormatFailure(result: VerificationResult, problem: string): VerificationResult {
  const checks = result.checks.map((check): Check =>
    check.id === 'format' ? { ...check, outcome: 'failed', message: problem } : check,
  );
  const status = statusOf(checks);
  return { ...result, status, verified: false, headline: headlineOf(status), checks };
}

function refused(problem: string, now: Date): OfflineVerificationResult {
  const checks = (Object.keys(CHECKS) as Check['id'][]).map((id): Check => ({
    id,
    title: CHECKS[id],
    outcome: id === 'format' ? 'failed' : 'skipped',
    message: id === 'format' ? problem : 'Not checked: "Format and size" did not pass.',
  }));
  return {
    status: 'invalid',
    verified: false,
    headline: headlineOf('invalid'),
    checks,
    summary: summariseCredential({}),
    checkedAt: now.toISOString(),
  };
}
