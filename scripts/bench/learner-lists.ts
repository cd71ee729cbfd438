/**
 * How fast learners see their own lists on a running stack (`make up`), through the gateway:
 *   npm run -s bench:learner-lists [-- --requests 1000]
 * It picks learners who hold credentials (from the credentials database's per-learner lists, read once before
 * timing) and asks, one request at a time, for each one's credentials and enrolments, as the learner. It prints
 * how many credentials the database holds and the p50/p99 of each list; it asserts nothing.
 */
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { devIdentityProvider, machine } from './bench-stack';
import { percentile } from './issued-watcher';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    url: { type: 'string', default: 'http://localhost:3000' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const requests = Number(values.requests);

async function timed(path: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${values.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const mongo = await MongoClient.connect(values.mongo);
  const db = mongo.db('credit_bridge_credentials');
  const credentials = await db.collection('issued_credentials').estimatedDocumentCount();
  const learners = (
    await db
      .collection<{ _id: string }>('learner_credentials')
      .find({}, { projection: { _id: 1 } })
      .limit(requests)
      .toArray()
  ).map((learner) => learner._id);
  await mongo.close();
  if (learners.length === 0) throw new Error('no learner holds a credential yet; run bench:issuing first');

  const idp = devIdentityProvider();
  const lists = { credentials: [] as number[], enrolments: [] as number[] };
  for (let n = 0; n < requests; n += 1) {
    const token = idp.mint({ roles: ['learner'], sub: learners[n % learners.length]! });
    lists.credentials.push(await timed('/api/credentials/learners/me/credentials', token));
    lists.enrolments.push(await timed('/api/enrolment/learners/me/enrolments', token));
  }

  console.log(machine());
  console.log(
    `${credentials} credentials in the database; ${requests} requests of each list, ${learners.length} learners`,
  );
  for (const [name, times] of Object.entries(lists)) {
    console.log(
      `  GET learners/me/${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
