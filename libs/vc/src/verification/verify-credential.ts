import type { KeyObject } from 'node:crypto';
import { type JsonObject } from '../json-reading';
import { algorithmRefusal, jwsSignatureProblem } from '../jws';
import { isVerificationAlgorithm, type VerificationAlgorithm } from '../keys';
import { summariseCredential } from '../summary';
import type { VerificationContext } from './context';
import {
  compactJwtOf,
  decodeCompact,
  type DecodedJwt,
  envelopeProblem,
  MAX_JWT_BYTES,
  MAX_RECORD_JWT_BYTES,
} from './input';
import { type CheckOutcome, headlineOf, statusOf, type VerificationResult } from './result';
import { checkContent, issuerIdOf, subjectOf, trustCheck } from './content-checks';
import { hasEmbeddedProof, verifyWithProof } from './embedded-proof';
import { Report } from './report';
import {
  heldCredentialsOf,
  isLearnerRecord,
  MAX_HELD_CREDENTIALS,
  withHeldResults,
} from './held-credentials';

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
  const { result, credential } = await verifyOne(input, context, options);
  // A learner record whose signature holds: each credential it holds is verified too, once (never recursively).
  const signed = result.checks.some((check) => check.id === 'signature' && check.outcome === 'passed');
  if (!signed || !isLearnerRecord(credential)) return result;
  const held = heldCredentialsOf(credential).slice(0, MAX_HELD_CREDENTIALS);
  const results = await Promise.all(
    held.map(async (inner, index) => ({ ...(await verifyOne(inner, context, {})).result, index })),
  );
  return withHeldResults(result, results);
}

async function verifyOne(
  input: unknown,
  context: VerificationContext,
  options: VerifyOptions,
): Promise<{ result: VerificationResult; credential: JsonObject }> {
  const now = context.now?.() ?? new Date();
  const report = new Report();
  if (hasEmbeddedProof(input)) {
    await verifyWithProof(input, context, report, now, options);
    return { result: resultOf(report, input, now), credential: input };
  }
  const decoded = decodedInput(input, report);
  const credential = decoded?.payload ?? {};
  if (decoded && headerPasses(decoded, report)) await verifySigned(decoded, context, report, now, options);
  return { result: resultOf(report, credential, now), credential };
}

function resultOf(report: Report, credential: JsonObject, now: Date): VerificationResult {
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
  await checkContent(credential, issuerId, context, report, now, options);
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
  // A learner record may be larger than any other credential; what it is shows only once decoded.
  const decoded = decodeCompact(compact, MAX_RECORD_JWT_BYTES);
  const bytes = Buffer.byteLength(compact);
  if (typeof decoded !== 'string' && bytes > MAX_JWT_BYTES && !isLearnerRecord(decoded.payload)) {
    report.record(
      'format',
      'failed',
      `The credential is ${bytes} bytes; the limit is ${MAX_JWT_BYTES / 1024} KB (${MAX_RECORD_JWT_BYTES / 1024} KB for a learner record).`,
    );
    return undefined;
  }
  if (typeof decoded === 'string') {
    report.record('format', 'failed', decoded);
    return undefined;
  }
  report.record('format', 'passed', `A compact JWT of ${bytes} bytes.`);
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
