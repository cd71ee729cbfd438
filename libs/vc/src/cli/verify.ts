/**
 * Verifies a credential from the command line, as the verification page does:
 *   npm run -s verify -- <file (.jwt, .json, .pdf) or JWT> [--server URL] [--email holder@example] [--json]
 * The server (default $CREDIT_BRIDGE_URL, else http://localhost:3000) gives the trust list and answers the partner
 * check; keys and status lists are fetched from where their issuers publish them. Exits 0 only when valid.
 *   npm run -s verify -- --offline <bundle.json> [--trust <trust-snapshot.json>] [--max-snapshot-age 30d] ...
 * verifies an offline bundle with nothing fetched: keys and statuses as the bundle's snapshot holds them, the
 * issuer's trust and keys from a trust snapshot saved earlier from the hub (or from `--issuer-jwks <jwks.json>`,
 * with `--issuer <id>` for keys that name no issuer). Without either, the issuer is reported not confirmed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_SNAPSHOT_AGE_MS,
  issuerKeysAnchor,
  type OfflineVerificationResult,
  readTrustSnapshot,
  snapshotAnchor,
  type TrustAnchor,
  verifyBundle,
} from '../bundle';
import { credentialFromPdf } from '../pdf-attachment';
import { type Check, type VerificationResult, verifyCredential } from '../verification';
import { serverContext } from '../verification/server-context';

const SYMBOLS: Record<Check['outcome'], string> = { passed: '✓', failed: '✗', skipped: '–', error: '!' };

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      email: { type: 'string' },
      json: { type: 'boolean' },
      offline: { type: 'string' },
      'max-snapshot-age': { type: 'string' },
      trust: { type: 'string' },
      'issuer-jwks': { type: 'string' },
      issuer: { type: 'string' },
    },
  });
  if (values.offline !== undefined) {
    if (positionals.length > 0) throw new Error('--offline takes the bundle; give no credential besides');
    const trust = anchorOf(values);
    const result = await verifyBundle(JSON.parse(readFileSync(values.offline, 'utf8')), {
      maxSnapshotAgeMs: ageOf(values['max-snapshot-age']),
      ...(values.email ? { holderEmail: values.email } : {}),
      ...(trust ? { anchor: trust.anchor } : {}),
    });
    const trustedBy = trust?.source ?? 'nothing you hold (the bundle’s own keys only)';
    console.log(
      values.json ? JSON.stringify({ ...result, trustedBy }, null, 2) : describe(result, trustedBy),
    );
    return result.verified ? 0 : 1;
  }
  if (positionals.length !== 1) {
    console.error('verify: give one credential: a .jwt, .json or .pdf file, or the JWT itself');
    return 2;
  }
  const server = values.server ?? process.env.CREDIT_BRIDGE_URL ?? 'http://localhost:3000';
  const credential = await readCredential(positionals[0]!);
  const result = await verifyCredential(
    credential,
    serverContext(server),
    values.email ? { holderEmail: values.email } : {},
  );
  console.log(values.json ? JSON.stringify(result, null, 2) : describe(result));
  return result.verified ? 0 : 1;
}

async function readCredential(argument: string): Promise<string> {
  if (!existsSync(argument)) return argument;
  if (/\.pdf$/i.test(argument)) {
    const jwt = await credentialFromPdf(readFileSync(argument));
    if (!jwt) throw new Error(`${argument} carries no signed credential`);
    return jwt;
  }
  return readFileSync(argument, 'utf8');
}

/**
 * What this machine already holds to decide the issuer's trust and keys: a trust snapshot saved from the hub, or
 * the issuer's keys; a file that is not one, or a snapshot altered since the hub signed it, stops the command.
 */
function anchorOf(values: {
  trust?: string;
  'issuer-jwks'?: string;
  issuer?: string;
}): { anchor: TrustAnchor; source: string } | undefined {
  if (values.trust !== undefined && values['issuer-jwks'] !== undefined)
    throw new Error('give --trust or --issuer-jwks, not both');
  if (values.trust !== undefined) {
    // The file as the hub serves it (JSON), or the bare JWS.
    const text = readFileSync(values.trust, 'utf8');
    const read = readTrustSnapshot(text.trim().startsWith('{') ? JSON.parse(text) : text);
    if (typeof read === 'string') throw new Error(`${values.trust}: ${read}`);
    return {
      anchor: snapshotAnchor(read),
      source: `the trust snapshot of ${read.claims.iss} taken at ${read.claims.takenAt} (signed by trust-list key ${read.keyThumbprint})`,
    };
  }
  if (values['issuer-jwks'] !== undefined) {
    const anchor = issuerKeysAnchor(JSON.parse(readFileSync(values['issuer-jwks'], 'utf8')), values.issuer);
    if (typeof anchor === 'string') throw new Error(`${values['issuer-jwks']}: ${anchor}`);
    return { anchor, source: `the issuer keys in ${values['issuer-jwks']}` };
  }
  if (values.issuer !== undefined)
    throw new Error('--issuer names whose keys --issuer-jwks holds; give both');
  return undefined;
}

/** `30d`, `12h` or `90m`: how old a bundle's snapshot may be before the result warns. */
function ageOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_SNAPSHOT_AGE_MS;
  const match = /^(\d+)([dhm])$/.exec(text);
  if (!match) throw new Error(`--max-snapshot-age ${text} is not an age such as 30d, 12h or 90m`);
  return Number(match[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
}

function describe(
  result: VerificationResult & Pick<OfflineVerificationResult, 'snapshot'>,
  trustedBy?: string,
): string {
  const { summary } = result;
  const facts: [string, string | undefined][] = [
    ['Learner', summary.learnerName],
    ['Course', summary.courseCode ? `${summary.course} (${summary.courseCode})` : summary.course],
    [
      'Credits',
      summary.credits === undefined ? undefined : `${summary.credits} ${summary.creditScheme ?? ''}`,
    ],
    ['Level', summary.level],
    ['Result', summary.results.join(', ') || undefined],
    ['Awarding body', summary.awardingBody],
    ['Delivered by', summary.deliveringPartner],
    ['Awarded on', summary.awardedOn],
    ['Valid until', summary.validUntil],
  ];
  return [
    `${result.status.toUpperCase()}: ${result.headline}`,
    ...(result.reason ? [`Why: ${result.reason}`] : []),
    ...(result.snapshot ? [`Offline: statuses as last known at ${result.snapshot.takenAt}`] : []),
    ...(trustedBy ? [`Issuer checked against: ${trustedBy}`] : []),
    ...(result.snapshot?.warning ? [`Warning: ${result.snapshot.warning}`] : []),
    '',
    ...facts.filter(([, value]) => value).map(([name, value]) => `  ${name.padEnd(14)}${value}`),
    '',
    ...result.checks.map((check) => `  ${SYMBOLS[check.outcome]} ${check.title}: ${check.message}`),
    ...heldLines(result.heldCredentials),
  ].join('\n');
}

/** A learner record's credentials, each with what it certifies, its issuer and its own result. */
function heldLines(held: VerificationResult['heldCredentials']): string[] {
  if (!held || held.length === 0) return [];
  return [
    '',
    `Credentials the record holds (${held.length}):`,
    ...held.map((one) => {
      const { course, courseCode, awardingBody, awardingBodyId, credentialId } = one.summary;
      const what = `${course ?? 'an unnamed achievement'}${courseCode ? ` (${courseCode})` : ''}`;
      const why = one.status === 'valid' ? '' : ` — ${one.reason ?? failedCheck(one.checks)}`;
      return [
        `  ${String(one.index + 1).padStart(3)}. ${one.status.toUpperCase()}: ${what}, issued by ${awardingBody ?? awardingBodyId ?? 'an unnamed issuer'}${why}`,
        ...(credentialId ? [`       ${credentialId}`] : []),
      ].join('\n');
    }),
  ];
}

function failedCheck(checks: readonly Check[]): string {
  const failed = checks.find((check) => check.outcome === 'failed' || check.outcome === 'error');
  return failed ? `${failed.title}: ${failed.message}` : 'not verified';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify: ${(error as Error).message}`);
    process.exit(2);
  },
);
