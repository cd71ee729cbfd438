/**
 * Verification throughput on a running stack started with the rate limit off (`VERIFY_RATE_LIMIT=0 make up`):
 *   npm run -s bench:verification [-- --requests 3000]
 * In one run: raw ES256 verification of one of our credentials (jsonwebtoken, the library's ceiling); single
 * `POST /api/credentials/verify` calls straight to the credentials service at several concurrency levels, with
 * rate, p50 and p99; and batches of 1,000. It issues its own credentials first. It prints numbers; it asserts nothing.
 */
import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { benchCredentials, machine } from './bench-stack';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    url: { type: 'string', default: 'http://localhost:3000' },
    credentials: { type: 'string', default: 'http://localhost:3003' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const requests = Number(values.requests);

async function rawVerificationRate(credential: string): Promise<number> {
  const { kid } = jwt.decode(credential, { complete: true })!.header;
  const jwk = (await (await fetch(kid!.replace(/^https?:\/\/[^/]+/, values.url))).json()) as Record<
    string,
    string
  >;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const count = 3000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) jwt.verify(credential, key, { algorithms: ['ES256'] });
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function verifyOnce(credential: string, expected: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${values.credentials}/api/credentials/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credential }),
  });
  const answer = (await response.json()) as { status?: string };
  if (answer.status !== expected)
    throw new Error(`verify answered ${response.status} ${JSON.stringify(answer)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** `expected` is `invalid` for the floor: text refused at the format check, with no crypto and no database. */
async function singleCalls(credentials: string[], concurrency: number, expected = 'valid') {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        latencies.push(await verifyOnce(credentials[i % credentials.length]!, expected));
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rate: requests / seconds, p50: at(0.5), p99: at(0.99) };
}

async function batches(credentials: string[], rounds: number): Promise<number> {
  const batch = Array.from({ length: 1000 }, (_, i) => credentials[i % credentials.length]);
  const started = Date.now();
  for (let round = 0; round < rounds; round += 1) {
    const response = await fetch(`${values.credentials}/api/credentials/verify/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: batch }),
    });
    const answer = (await response.json()) as { counts?: Record<string, number> };
    if (answer.counts?.valid !== 1000)
      throw new Error(`batch answered ${response.status} ${JSON.stringify(answer)}`);
  }
  return (rounds * 1000) / ((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  const credentials = (await benchCredentials(values, 50)).map((credential) => credential.jwt);
  await singleCalls(credentials, 8); // warm-up: keys read and cached, connections open
  const ceiling = await rawVerificationRate(credentials[0]!);
  console.log(machine());
  console.log(`libs/vc raw ES256 verification (jsonwebtoken, one core): ${ceiling.toFixed(0)} /s`);
  const floor = await singleCalls(['not a credential'], 16, 'invalid');
  console.log(
    `HTTP floor: the same endpoint refusing non-credential text at the format check, concurrency 16: ${floor.rate.toFixed(0)} /s, p50 ${floor.p50.toFixed(1)} ms`,
  );
  for (const concurrency of [1, 4, 16, 64]) {
    const { rate, p50, p99 } = await singleCalls(credentials, concurrency);
    console.log(
      `POST /api/credentials/verify, ${requests} calls, concurrency ${String(concurrency).padStart(2)}: ${rate.toFixed(0)} /s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${((100 * rate) / ceiling).toFixed(0)}% of raw)`,
    );
  }
  console.log(
    `POST /api/credentials/verify/batch, 5 batches of 1,000: ${(await batches(credentials, 5)).toFixed(0)} credentials/s`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
