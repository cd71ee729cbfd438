import { MongoClient } from 'mongodb';
import { type DatabaseProcess, startDatabase, testStack } from '@lib/testing';

/** Concurrent writers, as several services writing at once. */
const WRITERS = 8;
/** The database is killed once this many writes have been acknowledged, while the writers are still writing. */
const KILL_AFTER_ACKNOWLEDGED = 1500;

/**
 * What the development database promises (deploy/local/README.md): a write whose reply has been sent is in the file,
 * so a SIGKILL of the database loses none of them. Each writer inserts a document and then counts it in an upserted
 * counter, until the database is killed under it; after a restart on the same data every acknowledged insert must
 * be there and each counter must hold at least the increments acknowledged (at most one more: a write can land
 * whose reply the kill cut off).
 */
describe('the development database after a SIGKILL', () => {
  let database: DatabaseProcess;

  beforeAll(async () => {
    database = await startDatabase(testStack().databaseLauncher);
  });

  afterAll(async () => {
    await database.remove();
  });

  it('keeps every acknowledged write', async () => {
    const client = new MongoClient(database.url, { serverSelectionTimeoutMS: 2000, retryWrites: false });
    const inserted: string[] = [];
    const counted = new Map<string, number>();
    let killed: Promise<void> | undefined;
    const write = async (writer: string) => {
      const collection = client.db('durability').collection<{ _id: string; n?: number }>('writes');
      for (let i = 0; ; i++) {
        await collection.insertOne({ _id: `${writer}-${i}` });
        inserted.push(`${writer}-${i}`);
        await collection.updateOne({ _id: `counter-${writer}` }, { $inc: { n: 1 } }, { upsert: true });
        counted.set(writer, i + 1);
        if (inserted.length >= KILL_AFTER_ACKNOWLEDGED) killed ??= database.kill();
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => write(`w${w}`).catch(() => undefined));
    await Promise.all(writers);
    await killed;
    await client.close(true);
    expect(inserted.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);

    await database.start();
    const after = new MongoClient(database.url);
    try {
      const collection = after.db('durability').collection<{ _id: string; n?: number }>('writes');
      const stored = new Set(
        (await collection.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id),
      );
      expect(inserted.filter((id) => !stored.has(id))).toEqual([]);
      for (const [writer, acknowledged] of counted) {
        const counter = await collection.findOne({ _id: `counter-${writer}` });
        expect(counter?.n).toBeGreaterThanOrEqual(acknowledged);
        expect(counter?.n).toBeLessThanOrEqual(acknowledged + 1);
      }
    } finally {
      await after.close();
    }
  }, 120000);
});
