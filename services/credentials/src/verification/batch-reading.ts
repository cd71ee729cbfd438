import { compactJwtOf, envelope } from '@lib/vc';
import { jwtsOfFile } from './batch-file';
import { MAX_BATCH, verifyBatchBody } from './verification.dto';

/** As much of a zod issue as a field error needs, cloneable from a worker thread. */
export interface BodyIssue {
  code: string;
  path: (string | number)[];
  message: string;
  keys?: string[];
}

/** A batch as a worker read it: the credentials to verify, or what is wrong with the upload. */
export type BatchReading =
  | { credentials: unknown[]; holderEmail?: string }
  | { fileProblem: string }
  | { bodyProblem: string }
  | { issues: BodyIssue[] };

/** Enough field errors to act on; a body with a million bad items would otherwise answer a million. */
const MAX_ISSUES = 100;

/**
 * Objects, arrays, keys and items a batch body may hold, counted (over, since strings are not skipped) as the
 * characters `{ [ : ,`: far more than 1,000 credentials need. Parsing JSON with millions of them takes seconds and
 * hundreds of MB, and a worker that reaches its heap limit can take the whole process down with it (Node's
 * resourceLimits are a last resort, not a guarantee), so such a body is refused before it is parsed.
 */
export const MAX_JSON_VALUES = 200_000;

/** Runs in a worker thread: a CSV or text file of JWTs, one per line. */
export function readBatchFile(bytes: Uint8Array): BatchReading {
  const jwts = jwtsOfFile(textOf(bytes));
  return typeof jwts === 'string' ? { fileProblem: jwts } : { credentials: jwts.map(forVerification) };
}

/** Runs in a worker thread: a JSON batch body, parsed and validated as the request's schema says. */
export function readBatchJson(bytes: Uint8Array): BatchReading {
  const text = textOf(bytes);
  if (valuesIn(text) > MAX_JSON_VALUES)
    return {
      bodyProblem: `holds more than ${MAX_JSON_VALUES.toLocaleString('en-GB')} objects, arrays, keys and items`,
    };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { bodyProblem: `is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = verifyBatchBody.safeParse(withinLimit(body));
  if (!parsed.success)
    return {
      issues: parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
        code: issue.code,
        path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
        message: issue.message,
        ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}),
      })),
    };
  const { credentials, holderEmail } = parsed.data;
  return { credentials: credentials.map(forVerification), ...(holderEmail ? { holderEmail } : {}) };
}

/** One credential past the limit is enough for the schema to refuse the batch; the rest are not looked at. */
function withinLimit(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('credentials' in body)) return body;
  const { credentials } = body;
  return Array.isArray(credentials) && credentials.length > MAX_BATCH + 1
    ? { ...body, credentials: credentials.slice(0, MAX_BATCH + 1) }
    : body;
}

function valuesIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b || code === 0x3a || code === 0x2c) count += 1;
  }
  return count;
}

/**
 * A credential in the enveloped form of the JWT it carries (`{}` when it carries none): verification finds the same
 * JWT in it and gives the same result, and the event loop never parses the JSON a client sent.
 */
export function forVerification(credential: unknown): unknown {
  const compact = compactJwtOf(credential);
  return compact === undefined ? {} : envelope(compact);
}

function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}
