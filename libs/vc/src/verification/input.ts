/** The largest credential we accept: a VC-JWT of ours is under 8 KB. */
export const MAX_JWT_BYTES = 64 * 1024;
/**
 * The largest learner record (a CLR 2.0 ClrCredential) we accept: it holds each credential whole, so it grows by
 * about 7 KB a credential; 1 MB holds well over a hundred. Any other credential keeps the 64 KB limit.
 */
export const MAX_RECORD_JWT_BYTES = 1024 * 1024;

const DATA_URL_PREFIX = 'data:application/vc+jwt,';
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * The compact JWT inside the forms a credential arrives in: the JWT itself, its data URL, the enveloped JSON form
 * (`EnvelopedVerifiableCredential`), or our JSON download (`{ jwt, credential, envelope }`). Undefined for anything
 * else, including a bare JSON credential, which carries no signature we can check.
 */
export function compactJwtOf(input: unknown): string | undefined {
  // An empty JWT is none.
  return jwtIn(input) || undefined;
}

function jwtIn(input: unknown): string | undefined {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('{')) {
      try {
        return compactJwtOf(JSON.parse(text));
      } catch {
        return text;
      }
    }
    return text.startsWith(DATA_URL_PREFIX) ? text.slice(DATA_URL_PREFIX.length) : text;
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const form = input as Record<string, unknown>;
  if (typeof form.jwt === 'string') return form.jwt.trim();
  if (isEnvelope(form))
    return envelopeProblem(form) ? undefined : (form.id as string).slice(DATA_URL_PREFIX.length);
  if (form.envelope) return compactJwtOf(form.envelope);
  return undefined;
}

/**
 * What is wrong with an `EnvelopedVerifiableCredential` (VC-JOSE-COSE), or undefined when it is one: its
 * `@context` an array beginning with the VC 2.0 context, its `id` the `data:application/vc+jwt,` URL of the JWT. The
 * one exception is the single context string of our own JSON downloads made before December 2026, so that they keep
 * verifying. Undefined, too, for anything that is not an envelope.
 */
export function envelopeProblem(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const form = input as Record<string, unknown>;
  if (!isEnvelope(form)) return undefined;
  const context = form['@context'];
  const legacy = context === VC_CONTEXT;
  if (!legacy && !(Array.isArray(context) && context[0] === VC_CONTEXT))
    return `An enveloped credential's @context must be an array beginning with ${VC_CONTEXT}.`;
  if (typeof form.id !== 'string' || !form.id.startsWith(DATA_URL_PREFIX) || form.id === DATA_URL_PREFIX)
    return `An enveloped credential's id must be a ${DATA_URL_PREFIX} URL carrying the compact JWT.`;
  return undefined;
}

function isEnvelope(form: Record<string, unknown>): boolean {
  return form.type === 'EnvelopedVerifiableCredential';
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Splits and decodes a compact JWS of at most `maxBytes`, or says in words why it is not one. */
export function decodeCompact(compact: string, maxBytes = MAX_JWT_BYTES): DecodedJwt | string {
  if (Buffer.byteLength(compact) > maxBytes)
    return `The credential is ${Buffer.byteLength(compact)} bytes; the limit is ${maxBytes / 1024} KB.`;
  const parts = compact.split('.');
  if (parts.length !== 3) return `A compact JWT has three parts separated by dots; this has ${parts.length}.`;
  // An empty signature is a well-formed (unsecured) JWT; the header check refuses it.
  if (!parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part)) || !parts[0] || !parts[1])
    return 'The parts are not base64url.';
  const header = json(parts[0]);
  const payload = json(parts[1]);
  if (!header) return 'The header is not a JSON object.';
  if (!payload) return 'The payload is not a JSON object.';
  return { header, payload };
}

/**
 * The payload of a compact JWT, without checking its signature: for reading back a credential we signed and
 * stored ourselves, or for showing what an unverified upload claims. Undefined when it is not a JWT.
 */
export function jwtPayloadOf(compact: string): Record<string, unknown> | undefined {
  const decoded = decodeCompact(compact, MAX_RECORD_JWT_BYTES);
  return typeof decoded === 'string' ? undefined : decoded.payload;
}

/**
 * The credential a VC-JWT we signed and stored ourselves carries: its payload without the JWT's own claims (iss,
 * jti, sub, nbf, iat, exp), as the document other forms (Data Integrity, a wallet's copy) are made from.
 */
export function credentialOfOwnJwt(compact: string): Record<string, unknown> {
  // Our own signed credential, read back from our store: its payload is known to decode.
  const { iss: _iss, jti: _jti, sub: _sub, nbf: _nbf, iat: _iat, exp: _exp, ...vc } = jwtPayloadOf(compact)!;
  return vc;
}

function json(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
