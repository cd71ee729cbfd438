/**
 * The chaos check on a running `make up` stack:
 *   npm run -s chaos -- --learners 200 [--seed 1] [--max-minutes 20] [--cohorts 8]
 * Drives the learners through the public API while it kills each service with SIGKILL, stops and restarts Kafka,
 * stops the database gracefully and once with SIGKILL (through deploy/local's scripts, dev ports only); then counts
 * per learner and prints one verdict line. Exits 1 on any loss, duplicate or dead letter, when the counts did not
 * settle in time, or when a service was not ready again within 3 minutes of a fault; 2 on a usage error.
 */
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalStackFaults } from './local-stack-faults';
import { reportLines } from './report-lines';
import { runChaos } from './run-chaos';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'max-minutes': { type: 'string', default: '20' },
    cohorts: { type: 'string', default: '8' },
  },
});
const learners = Number(values.learners);
const seed = Number(values.seed);
const maxMinutes = Number(values['max-minutes']);
const cohorts = Number(values.cohorts);
if (![learners, seed, maxMinutes, cohorts].every((n) => Number.isInteger(n) && n >= 0) || learners < 1) {
  console.error('usage: npm run -s chaos -- --learners N [--seed S] [--max-minutes M] [--cohorts C]');
  process.exit(2);
}

async function main(): Promise<number> {
  const cpu = cpus()[0]?.model ?? 'unknown';
  console.log(
    `chaos: ${learners} learners, seed ${seed}, at most ${maxMinutes} min; ${cpus().length} cores (${cpu}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
  );
  const report = await runChaos({
    learners,
    seed,
    maxMinutes,
    cohorts,
    gatewayUrl: 'http://localhost:3000',
    serviceUrls: {
      enrolment: 'http://127.0.0.1:3001',
      assessment: 'http://127.0.0.1:3002',
      credentials: 'http://127.0.0.1:3003',
      recognition: 'http://127.0.0.1:3004',
      gateway: 'http://127.0.0.1:3000',
    },
    brokers: ['127.0.0.1:9092'],
    mongoUrl: 'mongodb://127.0.0.1:27017',
    faults: new LocalStackFaults(resolve(__dirname, '../../..')),
  });
  for (const line of reportLines(report)) console.log(line);
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`chaos: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
