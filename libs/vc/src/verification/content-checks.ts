import { hashedEmailIdentifier } from '../achievement-credential';
import { asList, asObject, type JsonObject } from '../json-reading';
import { type StatusPurpose } from '../status-list';
import type { StatusEntryRef, VerificationContext } from './context';
import type { Report } from './report';
import type { CheckOutcome } from './result';
import { isOpenBadge, shapeProblem } from './shape';
import type { VerifyOptions } from './verify-credential';

/** What a credential says, checked once its proof or signature holds: shape, dates, status, partner, holder. */
export async function checkContent(
  credential: JsonObject,
  issuerId: string,
  context: VerificationContext,
  report: Report,
  now: Date,
  options: VerifyOptions,
): Promise<void> {
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

export async function trustCheck(
  context: VerificationContext,
  issuerId: string,
): Promise<[CheckOutcome, string]> {
  if (!issuerId) return ['failed', 'The credential names no issuer.'];
  return (await context.isTrusted(issuerId))
    ? ['passed', `${issuerId} is on the trust list.`]
    : ['failed', `${issuerId} is not on the trust list, so its keys were not looked up.`];
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
  const known = context.statusKnownAt ? ` Last known at ${context.statusKnownAt.toISOString()}.` : '';
  if (!reading.set)
    return [
      'passed',
      (entry
        ? `Not ${purpose === 'revocation' ? 'revoked' : 'suspended'} (${entry.listUrl} #${entry.index}).`
        : 'Not suspended: the issuer’s records hold no suspension.') + known,
    ];
  if (reading.reason) report.reason ??= reading.reason;
  const word = purpose === 'revocation' ? 'Revoked' : 'Suspended';
  return ['failed', (reading.reason ? `${word}: ${reading.reason}` : `${word} by the issuer.`) + known];
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

export function issuerIdOf(credential: JsonObject): string {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  const id = asObject(issuer).id;
  return typeof id === 'string' ? id : typeof credential.iss === 'string' ? credential.iss : '';
}

export function subjectOf(credential: JsonObject): JsonObject {
  return asObject(
    Array.isArray(credential.credentialSubject)
      ? credential.credentialSubject[0]
      : credential.credentialSubject,
  );
}
