/**
 * Issuing throughput and latency on a running stack (`make up`), and the ES256 signing rate of libs/vc alone:
 *   npm run -s bench:issuing [-- --learners 5000] [--rate 50]
 * It registers its own awarding body, course, offering and achievement through the gateway, then sends each
 * learner's enrolment, completion and ratified result to Kafka as the other services would, and watches the
 * credentials' issued events as a consumer would. Without --rate every ratification is sent at once and it reports
 * the sustained rate; with --rate N it sends N ratifications a second and reports the latency from each
 * ratification to its credential's event (the enrolments and completions are sent 30 s before the first ratification). It samples each process of the stack (CPU share, peak memory). It prints
 * numbers; it asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { achievementCredential, generateSigningKey, signCredential } from '@lib/vc';
import { benchOffering, machine, post, sendAwardEvents, untilOk } from './bench-stack';
import { IssuedWatcher, percentile } from './issued-watcher';
import { ProcessSampler, usageLines } from './process-sampler';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '300' },
    rate: { type: 'string', default: '0' },
    url: { type: 'string', default: 'http://localhost:3000' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    pids: { type: 'string', default: '.run/dev/pids' },
  },
});
const learners = Number(values.learners);
const rate = Number(values.rate);

function signingRate(): number {
  const key = generateSigningKey('ES256');
  const credential = achievementCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: 'https://example.ac.uk/issuers/1', name: 'University' },
    validFrom: '2026-01-01T00:00:00Z',
    awardedDate: '2026-01-01T00:00:00Z',
    subject: { id: `urn:uuid:${randomUUID()}` },
    achievement: {
      id: 'https://example.ac.uk/achievements/1',
      name: 'App building in a day',
      description: 'd',
      criteria: 'c',
      achievementType: 'Course',
      credits: 5,
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      humanCode: 'DH-APP-01',
      version: '1',
      resultDescriptions: [{ id: 'urn:uuid:mark', name: 'Mark', resultType: 'Percent' }],
    },
    creditsEarned: 5,
    results: [{ resultDescription: 'urn:uuid:mark', value: '68' }],
  });
  const signing = {
    algorithm: 'ES256' as const,
    kid: 'https://example.ac.uk/keys/1',
    privateKey: key.privateKeyPem,
  };
  const count = 2000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) signCredential(credential, signing);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  const offering = await benchOffering(values.url, learners);
  await untilOk('defining the achievement', () =>
    post(values.url, '/api/credentials/achievements', offering.registrar, {
      courseId: offering.courseId,
      criteria: 'Attend and pass.',
    }),
  );
  const watcher = new IssuedWatcher(values.brokers, offering.offeringId);
  await watcher.start();
  const sampler = new ProcessSampler(values.pids);
  sampler.start();
  const started = Date.now();
  const sentAt = await sendAwardEvents(
    values.brokers,
    offering,
    learners,
    rate ? { ratifiedPerSecond: rate, settleMs: 30000 } : {},
  );
  await watcher.until(learners, 30 * 60000);
  const usage = sampler.stop();
  await watcher.stop();

  const times = [...watcher.issuedAt.values()].sort((a, b) => a - b);
  const seconds = (times.at(-1)! - started) / 1000;
  // Sustained: between the 10th and the 90th percentile credential, leaving out start-up and the tail.
  const tenth = times[Math.floor(learners * 0.1)]!;
  const ninetieth = times[Math.floor(learners * 0.9) - 1]!;
  const sustained =
    (Math.floor(learners * 0.9) - 1 - Math.floor(learners * 0.1)) / ((ninetieth - tenth) / 1000);
  const latencies = [...watcher.issuedAt].map(([learnerId, at]) => at - sentAt.get(learnerId)!);

  console.log(machine());
  console.log(
    `issuing: ${learners} credentials in ${seconds.toFixed(1)} s from the first event sent = ${(learners / seconds).toFixed(1)} credentials/s; sustained (10th to 90th percentile) ${sustained.toFixed(1)} credentials/s${rate ? `; ratifications sent at ${rate}/s` : ''}`,
  );
  console.log(
    `latency from ratification sent to credential issued: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms`,
  );
  console.log('per process during the run:');
  for (const line of usageLines(usage)) console.log(line);
  console.log(`libs/vc ES256 signing alone: ${signingRate().toFixed(0)} credentials/s`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
