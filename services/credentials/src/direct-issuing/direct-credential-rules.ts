import { unsafeCharacter } from '@lib/contracts';
import type { FieldError } from '@lib/platform';
import { BUNDLED_CONTEXT_URLS, shapeProblem, VC_V2_CONTEXT } from '@lib/vc';

/** What is wrong with a credential sent to be issued: 400 for one that is malformed, 422 for one we may not sign. */
export interface IssueRefusal {
  status: 400 | 422;
  errors: FieldError[];
}

/**
 * Contexts this service can read without fetching anything (VC 2.0, its opt-in undefined-terms context, Open Badges
 * 3.0, Data Integrity, Multikey): any other would have to be fetched to know what the credential says.
 */
const KNOWN_CONTEXTS: ReadonlySet<string> = new Set(BUNDLED_CONTEXT_URLS);

const URL_FORM = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

/**
 * Checks a VC 2.0 credential a client asks us to sign as the awarding body whose issuer id is `issuerId`: every
 * malformed field named (400), or, when well formed, what stops us signing it (422). Undefined when it may be issued.
 */
export function issueRefusalOf(credential: Json, issuerId: string): IssueRefusal | undefined {
  const malformed = [
    ...contextErrors(credential['@context']),
    ...typeErrors(credential.type),
    ...optionalUrl(credential.id, 'id'),
    ...issuerErrors(credential.issuer),
    ...validityErrors(credential.validFrom, credential.validUntil),
    ...subjectErrors(credential.credentialSubject),
    ...textErrors(credential),
    ...(['issuanceDate', 'expirationDate'] as const)
      .filter((field) => field in credential)
      .map((field) => error(field, 'is a VC 1.1 property; VC 2.0 credentials use validFrom and validUntil')),
  ];
  if (malformed.length > 0) return { status: 400, errors: malformed };
  const unacceptable = [
    ...unknownContexts(credential['@context'] as unknown[]),
    ...(issuerIdOf(credential.issuer) === issuerId
      ? []
      : [error('issuer', `must be your awarding body's issuer id, ${issuerId}`)]),
    ...(['credentialStatus', 'proof'] as const)
      .filter((field) => field in credential)
      .map((field) => error(field, `is added by the issuer; leave it out`)),
    ...openBadgesErrors(credential),
  ];
  return unacceptable.length > 0 ? { status: 422, errors: unacceptable } : undefined;
}

function contextErrors(context: unknown): FieldError[] {
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT)
    return [error('@context', `must be an array beginning with ${VC_V2_CONTEXT}`)];
  return context.some((entry) => typeof entry !== 'string')
    ? [error('@context', 'must list context URLs; inline contexts are not accepted')]
    : [];
}

function unknownContexts(context: unknown[]): FieldError[] {
  return context
    .filter((entry) => !KNOWN_CONTEXTS.has(entry as string))
    .map((entry) =>
      error('@context', `${String(entry)} is not a context bundled here (contexts are never fetched)`),
    );
}

function typeErrors(type: unknown): FieldError[] {
  const types = typeof type === 'string' ? [type] : type;
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string' || t === ''))
    return [error('type', 'must be a type name or a list of them')];
  return types.includes('VerifiableCredential') ? [] : [error('type', 'must include VerifiableCredential')];
}

function issuerErrors(issuer: unknown): FieldError[] {
  if (issuer === undefined) return [error('issuer', 'is required')];
  const id = issuerIdOf(issuer);
  if (id === undefined) return [error('issuer', 'must be a URL or an object whose id is one')];
  return URL_FORM.test(id) ? [] : [error('issuer', 'must be a URL or an object whose id is one')];
}

function validityErrors(from: unknown, until: unknown): FieldError[] {
  const errors = [...dateTime(from, 'validFrom'), ...dateTime(until, 'validUntil')];
  if (errors.length > 0 || until === undefined) return errors;
  const start = from === undefined ? Date.now() : Date.parse(from as string);
  return Date.parse(until as string) > start ? [] : [error('validUntil', 'must be after validFrom')];
}

function subjectErrors(subject: unknown): FieldError[] {
  const subjects = Array.isArray(subject) ? subject : [subject];
  if (subject === undefined || subjects.length === 0) return [error('credentialSubject', 'is required')];
  return subjects.flatMap((one, n) => {
    const field = Array.isArray(subject) ? `credentialSubject.${n}` : 'credentialSubject';
    if (!isObject(one)) return [error(field, 'must be an object')];
    if (Object.keys(one).filter((key) => key !== 'id').length === 0)
      return [error(field, 'must state at least one claim besides its id')];
    return optionalUrl(one.id, `${field}.id`);
  });
}

function textErrors(credential: Json): FieldError[] {
  return (['name', 'description'] as const).flatMap((field) => {
    const value = credential[field];
    if (value === undefined) return [];
    if (typeof value !== 'string') return [error(field, 'must be text')];
    const found = unsafeCharacter(value, field === 'name' ? 'line' : 'text');
    return found
      ? [
          error(
            field,
            `must not hold control characters or bidirectional formatting characters (found ${found})`,
          ),
        ]
      : [];
  });
}

/** An Open Badges credential is checked by the Open Badges rules as well (our verifier reads it by them). */
function openBadgesErrors(credential: Json): FieldError[] {
  const types = [credential.type].flat();
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) return [];
  // The shape check wants what issuing adds; a stand-in is enough to judge the rest.
  const problem = shapeProblem({ id: 'urn:uuid:0', validFrom: '2026-01-01T00:00:00Z', ...credential });
  return problem ? [error('credential', `does not follow the Open Badges 3.0 rules: ${problem}`)] : [];
}

function optionalUrl(value: unknown, field: string): FieldError[] {
  if (value === undefined) return [];
  return typeof value === 'string' && URL_FORM.test(value)
    ? []
    : [error(field, 'must be a URL (urn:uuid:..., https://..., did:...)')];
}

function dateTime(value: unknown, field: string): FieldError[] {
  if (value === undefined) return [];
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
    ? []
    : [error(field, 'must be a date and time with its offset, e.g. 2026-12-02T09:00:00Z')];
}

function issuerIdOf(issuer: unknown): string | undefined {
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function error(field: string, message: string): FieldError {
  return { field: field === 'credential' ? field : `credential.${field}`, message };
}
