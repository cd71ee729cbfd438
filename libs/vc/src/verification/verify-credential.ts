import type { KeyObject } from 'node:crypto';
import { hashedEmailIdentifier } from '../achievement-credential';
import { asList, asObject, type JsonObject } from '../json-reading';
import { algorithmRefusal, jwsSignatureProblem } from '../jws';
import { isVerificationAlgorithm, type VerificationAlgorithm } from '../keys';
import { type StatusPurpose } from '../status-list';
import { summariseCredential } from '../summary';
import type { StatusEntryRef, VerificationContext } from './context';
import { compactJwtOf, decodeCompact, type DecodedJwt, envelopeProblem } from './input';
import {
  type Check,
  type CheckId,
  type CheckOutcome,
  CHECKS,
  headlineOf,
  statusOf,
  type VerificationResult,
} from './result';
import { isOpenBadge, shapeProblem } from './shape';

export interface VerifyOptions {
  /** When given, the holder check compares it, hashed with the credential's salt, with its identifier. */
  holderEmail?: string;
}

/**
 * Verifies a credential in the order credentials-standards.md section 4 gives, reporting every check. Nothing the
 * credential says is believed before its signature is checked against a key its issuer published.
 */
export async function verifyCredential(
  input: unknown,
  context: VerificationContext,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  const now = context.now?.() ?? new Date();
  const report = new Report();
  const decoded = decodedInput(input, report);
  const credential = decoded?.payload ?? {};
  if (decoded && headerPasses(decoded, report)) await verifySigned(decoded, context, report, now, options);
  const checks = report.complete();
  const status = statusOf(checks);
  return {
    status,
    verified: status === 'valid',
    headline: headlineOf(status),
    ...(report.reason ? { reason: report.reason } : {}),
    checks,
    summary: summariseCredential(credential),
    checkedAt: now.toISOString(),
  };
}

async function verifySigned(
  decoded: DecodedJwt & { compact: string },
  context: VerificationContext,
  report: Report,
  now: Date,
  options: VerifyOptions,
): Promise<void> {
  const credential = decoded.payload;
  const issuerId = issuerIdOf(credential);
  if (!(await report.run('trust', () => trustCheck(context, issuerId)))) return;
  const key = await keyOf(decoded, issuerId, context, report);
  if (!key || !signaturePasses(decoded, key, report)) return;
  report.record('claims', ...claimsCheck(credential));
  const shape = shapeProblem(credential);
  const rules = isOpenBadge(credential) ? 'the Open Badges 3.0 rules' : 'the VC 2.0 data model';
  report.record('shape', shape ? 'failed' : 'passed', shape ?? `Follows ${rules}.`);
  report.record('validity', ...validityCheck(credential, now));
  // Independent lookups, made at once; the report keeps the standard order.
  await Promise.all([
    ...(['revocation', 'suspension'] as const).map((purpose) =>
      report.run(purpose, () => statusCheck(credential, issuerId, purpose, context, report)),
    ),
    report.run('partner', () => partnerCheck(credential, issuerId, context)),
  ]);
  report.record('holder', ...holderCheck(credential, options.holderEmail));
}

function decodedInput(input: unknown, report: Report): (DecodedJwt & { compact: string }) | undefined {
  const compact = compactJwtOf(input);
  if (!compact) {
    report.record(
      'format',
      'failed',
      envelopeProblem(input) ?? 'This is not a signed credential (a VC-JWT or its enveloped JSON form).',
    );
    return undefined;
  }
  const decoded = decodeCompact(compact);
  if (typeof decoded === 'string') {
    report.record('format', 'failed', decoded);
    return undefined;
  }
  report.record('format', 'passed', `A compact JWT of ${Buffer.byteLength(compact)} bytes.`);
  return { ...decoded, compact };
}

function headerPasses({ header }: DecodedJwt, report: Report): boolean {
  const { alg, typ, kid } = header;
  const problem = !isVerificationAlgorithm(alg)
    ? algorithmRefusal(alg)
    : typ !== undefined && typ !== 'JWT' && typ !== 'vc+jwt'
      ? `typ ${JSON.stringify(typ)} is not a credential's media type.`
      : typeof kid !== 'string' || kid === ''
        ? 'No kid names the signing key.'
        : undefined;
  report.record('header', problem ? 'failed' : 'passed', problem ?? `${String(alg)}, key ${String(kid)}.`);
  return !problem;
}

async function trustCheck(context: VerificationContext, issuerId: string): Promise<[CheckOutcome, string]> {
  if (!issuerId) return ['failed', 'The credential names no issuer.'];
  return (await context.isTrusted(issuerId))
    ? ['passed', `${issuerId} is on the trust list.`]
    : ['failed', `${issuerId} is not on the trust list, so its keys were not looked up.`];
}

async function keyOf(
  { header }: DecodedJwt,
  issuerId: string,
  context: VerificationContext,
  report: Report,
): Promise<KeyObject | undefined> {
  const kid = String(header.kid);
  let key: KeyObject | undefined;
  await report.run('key', async () => {
    key = await context.resolveKey(kid, issuerId);
    return key
      ? ['passed', `${kid} is published by the issuer.`]
      : ['failed', `${kid} is not a key published for ${issuerId}.`];
  });
  return key;
}

function signaturePasses(
  { compact, header }: DecodedJwt & { compact: string },
  key: KeyObject,
  report: Report,
): boolean {
  // The header check has passed, so alg is one we accept; the key must still be of its type and curve.
  const problem = jwsSignatureProblem(compact, header.alg as VerificationAlgorithm, key);
  report.record(
    'signature',
    problem ? 'failed' : 'passed',
    problem
      ? `The signature does not verify (${problem}).`
      : 'The signature matches: nothing was changed after signing.',
  );
  return !problem;
}

function claimsCheck(credential: JsonObject): [CheckOutcome, string] {
  const subject = subjectOf(credential);
  const seconds = (iso: unknown) =>
    typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined;
  const problem =
    credential.iss !== issuerIdOf(credential)
      ? 'iss does not equal issuer.id.'
      : subject.id !== undefined && credential.sub !== subject.id
        ? 'sub does not equal credentialSubject.id.'
        : credential.jti !== credential.id
          ? 'jti does not equal the credential id.'
          : credential.nbf !== seconds(credential.validFrom)
            ? 'nbf does not equal validFrom.'
            : credential.exp !== seconds(credential.validUntil)
              ? 'exp does not equal validUntil.'
              : undefined;
  return problem ? ['failed', problem] : ['passed', 'iss, sub, jti, nbf and exp agree with the credential.'];
}

function validityCheck(credential: JsonObject, now: Date): [CheckOutcome, string] {
  const from = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
  const until = typeof credential.validUntil === 'string' ? Date.parse(credential.validUntil) : undefined;
  if (from > now.getTime()) return ['failed', `Not valid until ${new Date(from).toISOString()}.`];
  if (until !== undefined && until <= now.getTime())
    return ['failed', `Expired on ${new Date(until).toISOString()}.`];
  return [
    'passed',
    until === undefined
      ? 'Valid from its issue, with no end date.'
      : `Valid until ${new Date(until).toISOString()}.`,
  ];
}

async function statusCheck(
  credential: JsonObject,
  issuerId: string,
  purpose: StatusPurpose,
  context: VerificationContext,
  report: Report,
): Promise<[CheckOutcome, string]> {
  const entry = statusEntries(credential).find((candidate) => candidate.purpose === purpose);
  const hold =
    !entry && purpose === 'suspension' && typeof credential.id === 'string'
      ? await context.readHold?.(credential.id, issuerId)
      : undefined;
  if (!entry && !hold) return ['skipped', `The credential carries no ${purpose} status entry.`];
  const reading = entry ? await context.readStatus(entry, issuerId) : hold!;
  if (!reading.set)
    return [
      'passed',
      entry
        ? `Not ${purpose === 'revocation' ? 'revoked' : 'suspended'} (${entry.listUrl} #${entry.index}).`
        : 'Not suspended: the issuer’s records hold no suspension.',
    ];
  if (reading.reason) report.reason ??= reading.reason;
  const word = purpose === 'revocation' ? 'Revoked' : 'Suspended';
  return ['failed', reading.reason ? `${word}: ${reading.reason}` : `${word} by the issuer.`];
}

async function partnerCheck(
  credential: JsonObject,
  issuerId: string,
  context: VerificationContext,
): Promise<[CheckOutcome, string]> {
  const subject = subjectOf(credential);
  const source = asObject(subject.source);
  const achievement = asObject(subject.achievement);
  const awarded =
    typeof credential.awardedDate === 'string' ? credential.awardedDate : String(credential.validFrom);
  if (typeof source.id !== 'string') return ['skipped', 'Delivered by the awarding body itself.'];
  const answer = await context.partnerAuthorised?.({
    issuerId,
    partnerId: source.id,
    achievementId: String(achievement.id),
    awardedOn: awarded.slice(0, 10),
  });
  const partner = typeof source.name === 'string' ? source.name : source.id;
  if (answer === undefined) return ['skipped', `Only ${issuerId} can say whether ${partner} was authorised.`];
  return answer
    ? ['passed', `${partner} was authorised by the awarding body for this course on ${awarded.slice(0, 10)}.`]
    : [
        'failed',
        `${partner} was not authorised by the awarding body for this course on ${awarded.slice(0, 10)}.`,
      ];
}

function holderCheck(credential: JsonObject, email: string | undefined): [CheckOutcome, string] {
  if (email === undefined) return ['skipped', 'No email was given to match the holder.'];
  const identities = asList(subjectOf(credential).identifier).map(asObject);
  const hashed = identities.find((identity) => identity.hashed === true && typeof identity.salt === 'string');
  if (!hashed) return ['failed', 'The credential carries no hashed email to match.'];
  const expected = hashedEmailIdentifier(email, String(hashed.salt)).identityHash;
  return expected === hashed.identityHash
    ? ['passed', 'The email given is the one the credential was issued to.']
    : ['failed', 'The email given is not the one the credential was issued to.'];
}

function statusEntries(credential: JsonObject): StatusEntryRef[] {
  return asList(credential.credentialStatus)
    .map(asObject)
    .filter((entry) => typeof entry.statusListCredential === 'string')
    .map((entry) => ({
      credentialId: String(credential.id),
      listUrl: String(entry.statusListCredential),
      index: Number(entry.statusListIndex),
      purpose: entry.statusPurpose === 'suspension' ? 'suspension' : 'revocation',
    }));
}

function issuerIdOf(credential: JsonObject): string {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  const id = asObject(issuer).id;
  return typeof id === 'string' ? id : typeof credential.iss === 'string' ? credential.iss : '';
}

function subjectOf(credential: JsonObject): JsonObject {
  return asObject(
    Array.isArray(credential.credentialSubject)
      ? credential.credentialSubject[0]
      : credential.credentialSubject,
  );
}

/** The checks as they are made; any not made by the end are reported as skipped. */
class Report {
  private readonly made = new Map<CheckId, Check>();
  reason: string | undefined;

  record(id: CheckId, outcome: CheckOutcome, message: string): void {
    this.made.set(id, { id, title: CHECKS[id], outcome, message });
  }

  /** Runs a check whose lookups may fail to reach their source: that is an `error`, never a pass. */
  async run(id: CheckId, check: () => Promise<[CheckOutcome, string]>): Promise<boolean> {
    try {
      const [outcome, message] = await check();
      this.record(id, outcome, message);
      return outcome === 'passed';
    } catch (error) {
      this.record(id, 'error', `Could not check: ${(error as Error).message}`);
      return false;
    }
  }

  complete(): Check[] {
    const stopped = [...this.made.values()].find(
      (check) => check.outcome === 'failed' || check.outcome === 'error',
    );
    return (Object.keys(CHECKS) as CheckId[]).map(
      (id) =>
        this.made.get(id) ?? {
          id,
          title: CHECKS[id],
          outcome: 'skipped' as const,
          message: stopped ? `Not checked: "${stopped.title}" did not pass.` : 'Not checked.',
        },
    );
  }
}
