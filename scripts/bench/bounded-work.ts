/**
 * How long a costly or hostile request holds everyone else, on a running stack started with the rate limit off
 * (`VERIFY_RATE_LIMIT=0 make up`):
 *   npm run -s bench:bounded-work [-- --rounds 5]
 * Each request of the bounded-work spec (hostile uploads, a batch of 1,000, five certificates at once) is sent
 * straight to the credentials service while 50 ordinary verifications are made by 5 clients, each client's calls one
 * after another. Per request it prints the answer, its time, and the ordinary calls' p50 and p99 beside it, over
 * `rounds` rounds: the median round and the worst. It asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pdfBomb, randomPdf, slowPdf } from '../../services/credentials/src/testing/hostile-pdfs';
import { benchCredentials, devIdentityProvider, machine } from './bench-stack';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    url: { type: 'string', default: 'http://localhost:3000' },
    credentials: { type: 'string', default: 'http://localhost:3003' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const rounds = Number(values.rounds);
const ORDINARY_CALLS = 50;
const CLIENTS = 5;

interface Costly {
  name: string;
  /** Sends the request and answers with its HTTP status once the whole answer has been read. */
  send: () => Promise<number>;
}

async function post(path: string, contentType: string, body: Uint8Array | string): Promise<number> {
  const response = await fetch(`${values.credentials}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

const pdf = (body: Uint8Array) => () => post('/api/credentials/verify', 'application/pdf', body);
const batch = (contentType: string, body: Uint8Array | string) => () =>
  post('/api/credentials/verify/batch', contentType, body);

async function timed<T>(work: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await work();
  return { answer, ms: performance.now() - started };
}

/** 50 verifications of one of our credentials by 5 clients at once: each call's time, in ms. */
async function ordinaryCalls(jwt: string): Promise<number[]> {
  const body = JSON.stringify({ credential: jwt });
  const client = async () => {
    const times: number[] = [];
    for (let i = 0; i < ORDINARY_CALLS / CLIENTS; i += 1) {
      const { answer, ms } = await timed(() => post('/api/credentials/verify', 'application/json', body));
      if (answer !== 200) throw new Error(`an ordinary verification answered ${answer}`);
      times.push(ms);
    }
    return times;
  };
  return (await Promise.all(Array.from({ length: CLIENTS }, client))).flat();
}

/** Nearest rank: with 50 calls, p99 is the slowest. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const median = (values: readonly number[]) => percentile(values, 50);
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** `rounds` rounds of the request beside the ordinary calls (or the ordinary calls alone), summarised in a line. */
async function measure(jwt: string, costly: Costly | undefined): Promise<string> {
  const answers: string[] = [];
  const took: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const [work, calls] = await Promise.all([costly ? timed(costly.send) : undefined, ordinaryCalls(jwt)]);
    if (work) {
      answers.push(String(work.answer));
      took.push(work.ms);
    }
    p50s.push(percentile(calls, 50));
    p99s.push(percentile(calls, 99));
  }
  const ordinary = `ordinary calls p50 ${ms(median(p50s))}, p99 ${ms(median(p99s))} (worst round ${ms(Math.max(...p99s))})`;
  if (!costly) return `${'nothing else'.padEnd(38)} ${''.padEnd(31)} ${ordinary}`;
  const answered = `${[...new Set(answers)].join('/')} in ${ms(median(took))} (worst ${ms(Math.max(...took))})`;
  return `${costly.name.padEnd(38)} ${answered.padEnd(31)} ${ordinary}`;
}

async function main(): Promise<void> {
  const [credential] = await benchCredentials(values, 1);
  const { jwt, credentialId, learnerId } = credential!;
  const learner = devIdentityProvider().mint({ roles: ['learner'], sub: learnerId });
  const download = async () => {
    const response = await fetch(
      `${values.credentials}/api/credentials/learners/me/credentials/${credentialId}/download?format=pdf`,
      { headers: { authorization: `Bearer ${learner}` } },
    );
    await response.arrayBuffer();
    return response.status;
  };
  const costly: Costly[] = [
    { name: '5 MB random "PDF"', send: pdf(randomPdf(5 * 1024 * 1024)) },
    { name: 'PDF bomb', send: pdf(await pdfBomb()) },
    { name: 'a PDF that parses for seconds', send: pdf(slowPdf()) },
    { name: '100 kB random "PDF"', send: pdf(randomPdf(100_000)) },
    {
      name: 'batch of 2.7 million JSON objects',
      send: batch('application/json', Buffer.from(`{"credentials":[${'{},'.repeat(2_700_000)}{}]}`)),
    },
    {
      name: 'batch file of 8 million blank lines',
      send: batch('text/csv', Buffer.from('\n'.repeat(8_000_000))),
    },
    { name: 'a batch of 1,000 credentials', send: batch('text/csv', `jwt\n${`${jwt}\n`.repeat(1000)}`) },
    {
      name: 'five certificate downloads at once',
      send: async () => Math.max(...(await Promise.all(Array.from({ length: 5 }, download)))),
    },
  ];
  // Warm, as a service is by the time strangers find it: keys cached, connections open, workers started.
  await ordinaryCalls(jwt);
  await download();
  console.log(machine());
  console.log(
    `${ORDINARY_CALLS} verifications by ${CLIENTS} clients beside each request, ${rounds} rounds (medians; worst round):`,
  );
  console.log(await measure(jwt, undefined));
  for (const request of costly) console.log(await measure(jwt, request));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
