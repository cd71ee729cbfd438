import { randomUUID } from 'node:crypto';
import { testStack } from '@lib/testing';
import mongoose, { type Connection, type Model } from 'mongoose';
import { recordSchema } from './record-schema';
import { setIfUnchanged } from './set-if-unchanged';

interface Versioned {
  _id: string;
  secret: { version: string; value: string };
}

/** A compare-and-set on the real database: of two writers that read the same record, only the first writes. */
describe('setIfUnchanged', () => {
  let connection: Connection;
  let records: Model<Versioned>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testStack().mongoServerUrl, { dbName: `spec_cas_${randomUUID().slice(0, 8)}` })
      .asPromise();
    records = connection.model<Versioned>(
      'Versioned',
      recordSchema({ secret: { type: Object, required: true } }),
    );
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('sets the fields while the record still matches, and refuses a writer that read it before', async () => {
    await records.create({ _id: 'k1', secret: { version: 'a', value: 'first' } });
    const first = await setIfUnchanged(
      records,
      'k1',
      { 'secret.version': 'a' },
      { secret: { version: 'b', value: 'second' } },
    );
    const stale = await setIfUnchanged(
      records,
      'k1',
      { 'secret.version': 'a' },
      { secret: { version: 'c', value: 'third' } },
    );
    expect([first, stale]).toEqual([true, false]);
    expect((await records.findById('k1').lean())?.secret).toEqual({ version: 'b', value: 'second' });
  });

  it('refuses a record that is not there, creating nothing', async () => {
    expect(await setIfUnchanged(records, 'missing', {}, { secret: { version: 'a', value: 'x' } })).toBe(
      false,
    );
    expect(await records.countDocuments({ _id: 'missing' })).toBe(0);
  });
});
