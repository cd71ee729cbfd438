import { type Collection, MongoClient } from 'mongodb';
import { type DatabaseProcess, startDatabase, testStack } from '@lib/testing';

/** Concurrent writers, as several services writing at once. */
const WRITERS = 8;
/** The database is killed once this many writes have been acknowledged, while the writers are still writing. */
const KILL_AFTER_ACKNOWLEDGED = 1500;
/** Kill and restart rounds of the consistency case: each kill lands at another moment of the writers' work. */
const ROUNDS = 3;
/** Reads in flight while the consistency case looks every document up. */
const LOOKUPS_AT_ONCE = 8;

interface IdList {
  _id: string;
  ids: string[];
}

interface UniqueRecord {
  _id: string;
  key: string;
}

/**
 * What the development database promises (deploy/local/README.md): a write whose reply has been sent is in the file,
 * and what is in the file is whole commands, so a SIGKILL of the database loses no acknowledged write and leaves no
 * document that its indexes do not know.
 */
describe('the development database after a SIGKILL', () => {
  let database: DatabaseProcess;

  beforeAll(async () => {
    database = await startDatabase(testStack().databaseLauncher);
  });

  afterAll(async () => {
    await database.remove();
  });

  /**
   * Each writer inserts a document and then counts it in an upserted counter, until the database is killed under it;
   * after a restart on the same data every acknowledged insert must be there and each counter must hold at least the
   * increments acknowledged (at most one more: a write can land whose reply the kill cut off).
   */
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

  /**
   * The chaos check's order of faults: the database stopped gracefully and started again, then killed with SIGKILL,
   * while services write credentials (documents of about 8 kB, in batches). Each restart must find every write that
   * was acknowledged before it, whichever way the database went.
   */
  it('keeps every acknowledged write through a graceful restart and then a SIGKILL', async () => {
    const acknowledged: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await writeBatches(database, `g${round}-before`, acknowledged, () => database.stop());
      await database.start();
      await writeBatches(database, `g${round}-after`, acknowledged, () => database.kill());
      await database.start();
      const client = new MongoClient(database.url);
      try {
        const stored = new Set(
          (
            await client
              .db('graceful')
              .collection<{ _id: string }>('credentials')
              .find({}, { projection: { _id: 1 } })
              .toArray()
          ).map((document) => document._id),
        );
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      } finally {
        await client.close();
      }
    }
  }, 600000);

  /**
   * The services' shapes: id lists upserted by `_id` with `$addToSet` (as `id_lists`) and records inserted into a
   * collection with a unique index. A document is stored in the collection's data and then in each index; a file
   * holding one without the other (a commit taken while another command was half-way) makes a lookup by `_id` miss a
   * document a scan finds, and the next upsert of it fail. After each kill and restart, every document a full scan
   * finds must be found by `_id`, and every record by its unique key.
   */
  it('leaves every document findable through its indexes', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      await writeUntilKilled(database, `r${round}`);
      await database.start();
      const client = new MongoClient(database.url);
      try {
        const db = client.db('consistency');
        expect(await unfindable(db.collection<IdList>('id_lists'), [])).toEqual([]);
        expect(await unfindable(db.collection<UniqueRecord>('records'), ['key'])).toEqual([]);
      } finally {
        await client.close();
      }
    }
  }, 600000);
});

/** Writers upsert id lists (each new, then added to) and insert records until the database is killed under them. */
async function writeUntilKilled(database: DatabaseProcess, round: string): Promise<void> {
  const client = new MongoClient(database.url, { serverSelectionTimeoutMS: 2000, retryWrites: false });
  const db = client.db('consistency');
  const lists = db.collection<IdList>('id_lists');
  const records = db.collection<UniqueRecord>('records');
  await records.createIndex({ key: 1 }, { unique: true });
  let acknowledged = 0;
  let killed: Promise<void> | undefined;
  const write = async (writer: string) => {
    for (let i = 0; ; i++) {
      const id = `${round}-${writer}-${i}`;
      const list = `list:${round}-${writer}-${Math.floor(i / 2)}`;
      await lists.updateOne({ _id: list }, { $addToSet: { ids: id } }, { upsert: true });
      await records.insertOne({ _id: id, key: `key-${id}` });
      acknowledged += 2;
      if (acknowledged >= KILL_AFTER_ACKNOWLEDGED) killed ??= database.kill();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(`w${w}`).catch(() => undefined)));
  await killed;
  await client.close(true);
  expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
}

/** Writers insert batches of credential-sized documents until `interrupt` (a stop or a kill) lands under them. */
async function writeBatches(
  database: DatabaseProcess,
  round: string,
  acknowledged: string[],
  interrupt: () => Promise<void>,
): Promise<void> {
  const client = new MongoClient(database.url, { serverSelectionTimeoutMS: 2000, retryWrites: false });
  const credentials = client.db('graceful').collection<{ _id: string; jwt: string }>('credentials');
  const jwt = 'x'.repeat(8000);
  const before = acknowledged.length;
  let interrupted: Promise<void> | undefined;
  const write = async (writer: string) => {
    for (let batch = 0; ; batch++) {
      const ids = Array.from({ length: 10 }, (_, n) => `${round}-${writer}-${batch}-${n}`);
      await credentials.insertMany(ids.map((_id) => ({ _id, jwt })));
      acknowledged.push(...ids);
      if (acknowledged.length - before >= KILL_AFTER_ACKNOWLEDGED) interrupted ??= interrupt();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(`w${w}`).catch(() => undefined)));
  await interrupted;
  await client.close(true);
}

/**
 * The documents of a full scan that a lookup by `_id` or by one of `uniqueFields` does not find, each described as
 * `<collection> <field>=<value>`.
 */
async function unfindable<T extends { _id: string }>(
  collection: Collection<T>,
  uniqueFields: readonly (keyof T & string)[],
): Promise<string[]> {
  const scanned = await collection.find({}).toArray();
  const missing: string[] = [];
  let next = 0;
  const lookUp = async () => {
    while (next < scanned.length) {
      const document = scanned[next++] as Record<string, unknown>;
      for (const field of ['_id', ...uniqueFields]) {
        const found = await collection.findOne({ [field]: document[field] } as never);
        if (found?._id !== document._id) {
          missing.push(`${collection.collectionName} ${field}=${String(document[field])}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: LOOKUPS_AT_ONCE }, lookUp));
  return missing;
}
