/**
 * What never reaches a log line. Two nets: pino removes these fields where logged objects have them (the list the
 * operations team can read), and every finished line is scrubbed by pattern, because secrets and learners' emails
 * also turn up inside messages, error texts and nested objects.
 */
export const REDACTED = '[redacted]';

const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'privateKey',
  'privateJwk',
  'kek',
  'keyEncryptionKey',
  'email',
];

/** pino `redact` paths: the fields at the top of a logged object and one level down, and request headers. */
export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  'req.headers.authorization',
  'req.headers.cookie',
];

/** JSON fields redacted at any depth: the secret fields and a JWK's private members (`d`, RSA's primes, `k`). */
const JSON_SECRET_FIELD = new RegExp(
  `"(${[...SECRET_FIELDS, 'd', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'CREDENTIALS_KEK', 'CREDENTIALS_KEK_PREVIOUS'].join('|')})":"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);

const PATTERNS: readonly [RegExp, string][] = [
  // PEM private keys (their line breaks are escaped in a JSON line).
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[private key]'],
  // JWTs and other compact JWS: access tokens, credentials in JWT form, share tokens.
  [/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '[token]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  [/[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  [/\b(CREDENTIALS_KEK(?:_PREVIOUS)?|[A-Z_]*(?:SECRET|PASSWORD|TOKEN))=\S+/g, `$1=${REDACTED}`],
];

/** A finished log line with every secret-looking field and value replaced. */
export function scrubLine(line: string): string {
  let scrubbed = line.replace(JSON_SECRET_FIELD, `"$1":"${REDACTED}"`);
  for (const [pattern, replacement] of PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}
