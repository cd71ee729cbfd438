/**
 * Issuing throughput on a running stack (`make up`), and the ES256 signing rate of libs/vc alone, in one run:
 *   npm run -s bench:issuing [-- --learners 300]
 * It registers its own awarding body, course, offering and achievement through the gateway, then sends each
 * learner's enrolment, completion and ratified result to Kafka as the other services would, and times how long the
 * credentials service takes to issue them all. It prints numbers; it asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { achievementCredential, generateSigningKey, signCredential } from '@lib/vc';
import { MongoClient } from 'mongodb';
import { benchOffering, machine, post, sendAwardEvents, untilOk } from './bench-stack';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '300' },
    url: { type: 'string', default: 'http://localhost:3000' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const learners = Number(values.learners);

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
  const { tag, registrar, universityId, courseId, offeringId } = await benchOffering(values.url, learners);
  await untilOk('defining the achievement', () =>
    post(values.url, '/api/credentials/achievements', registrar, { courseId, criteria: 'Attend and pass.' }),
  );

  const started = Date.now();
  await sendAwardEvents(values.brokers, { tag, universityId, courseId, offeringId }, learners);

  const mongo = await MongoClient.connect(values.mongo);
  const issued = mongo.db('credit_bridge_credentials').collection('issued_credentials');
  let count = 0;
  while (count < learners) {
    await new Promise((done) => setTimeout(done, 500));
    count = await issued.countDocuments({ offeringId: offeringId });
    if (Date.now() - started > 15 * 60000)
      throw new Error(`only ${count} of ${learners} issued after 15 minutes`);
  }
  const seconds = (Date.now() - started) / 1000;
  await mongo.close();

  console.log(machine());
  console.log(
    `issuing: ${learners} credentials from ratified results in ${seconds.toFixed(1)} s = ${(learners / seconds).toFixed(1)} credentials/s (events sent to issued, on the running stack)`,
  );
  console.log(`libs/vc ES256 signing alone: ${signingRate().toFixed(0)} credentials/s`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
