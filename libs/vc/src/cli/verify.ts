/**
 * Verifies a credential from the command line, as the verification page does:
 *   npm run -s verify -- <file (.jwt, .json, .pdf) or JWT> [--server URL] [--email holder@example] [--json]
 * The server (default $CREDIT_BRIDGE_URL, else http://localhost:3000) gives the trust list and answers the partner
 * check; keys and status lists are fetched from where their issuers publish them. Exits 0 only when valid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { credentialFromPdf } from '../pdf-attachment';
import { type Check, type VerificationResult, verifyCredential } from '../verification';
import { serverContext } from '../verification/server-context';

const SYMBOLS: Record<Check['outcome'], string> = { passed: '✓', failed: '✗', skipped: '–', error: '!' };

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { server: { type: 'string' }, email: { type: 'string' }, json: { type: 'boolean' } },
  });
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

function describe(result: VerificationResult): string {
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
    '',
    ...facts.filter(([, value]) => value).map(([name, value]) => `  ${name.padEnd(14)}${value}`),
    '',
    ...result.checks.map((check) => `  ${SYMBOLS[check.outcome]} ${check.title}: ${check.message}`),
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify: ${(error as Error).message}`);
    process.exit(2);
  },
);
