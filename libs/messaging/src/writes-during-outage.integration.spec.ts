import { insertManyOnce } from '@lib/persistence';
import { type DatabaseProcess, startDatabase, testStack } from '@lib/testing';
import mongoose, { type Connection, Schema } from 'mongoose';
import { ProcessedEvents } from './processed-events';

interface Entry {
  _id: string;
}

/**
 * Writes made while the database is away must fail, never pass for duplicates: the driver reports a batch that never
 * reached the database as a `MongoBulkWriteError` with no write errors, and reading that as "nothing new to insert"
 * let a handler go on as if its credentials, releases and processed markers were stored (found by the chaos check).
 */
describe('inserting many while the database is away', () => {
  let database: DatabaseProcess;
  let connection: Connection;

  beforeAll(async () => {
    database = await startDatabase(testStack().databaseLauncher);
    // No buffering by mongoose, so the write meets the outage itself, as a service's native-driver writes do.
    connection = await mongoose
      .createConnection(database.url, {
        dbName: 'outage',
        serverSelectionTimeoutMS: 1000,
        bufferCommands: false,
      })
      .asPromise();
  }, 60000);

  afterAll(async () => {
    await connection?.close(true);
    await database?.remove();
  });

  it('fails the insert and the markers, and stores them once the database is back', async () => {
    const entries = connection.model<Entry>('Entry', new Schema<Entry>({ _id: String }), 'entries');
    // Mongoose creates the collection in the background when the model is compiled; wait for it, as a service's
    // start does, so the first insert does not race that creation.
    await entries.init();
    const markers = new ProcessedEvents(connection.db!);
    expect(await insertManyOnce(entries, [{ _id: 'a' }])).toEqual([true]);
    expect(await insertManyOnce(entries, [{ _id: 'a' }, { _id: 'b' }])).toEqual([false, true]);

    await database.kill();
    const neverSent = { name: 'MongoBulkWriteError', writeErrors: [] };
    await expect(insertManyOnce(entries, [{ _id: 'c' }, { _id: 'd' }])).rejects.toMatchObject(neverSent);
    await expect(
      markers.markManyProcessed('group', [{ eventId: 'e1', topic: 'topic' }]),
    ).rejects.toMatchObject(neverSent);

    await database.start();
    expect(await markers.processedOf('group', ['e1'])).toEqual(new Set());
    expect(await insertManyOnce(entries, [{ _id: 'c' }, { _id: 'd' }])).toEqual([true, true]);
    await markers.markManyProcessed('group', [{ eventId: 'e1', topic: 'topic' }]);
    expect(await markers.processedOf('group', ['e1'])).toEqual(new Set(['e1']));
  }, 120000);
});
