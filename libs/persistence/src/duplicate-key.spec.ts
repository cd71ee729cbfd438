import { MongoBulkWriteError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { duplicateIndexesOf } from './duplicate-key';

/** The errors as the MongoDB driver builds them for an unordered insertMany (`bulk/common.js`). */
const bulkError = (error: Error | { message: string; code?: number; writeErrors?: unknown[] }) =>
  new MongoBulkWriteError(error as never, {} as never);
const duplicateAt = (index: number) => ({ index, code: 11000, errmsg: 'E11000 duplicate key error' });

describe('duplicateIndexesOf', () => {
  it('names the documents that exist already when duplicates are all that went wrong', () => {
    const error = bulkError({
      message: 'E11000',
      code: 11000,
      writeErrors: [duplicateAt(0), duplicateAt(3)],
    });
    expect(duplicateIndexesOf(error)).toEqual([0, 3]);
  });

  it('is undefined when another write error is among them, so the caller throws', () => {
    const error = bulkError({ message: 'mixed', writeErrors: [duplicateAt(0), { index: 1, code: 121 }] });
    expect(duplicateIndexesOf(error)).toBeUndefined();
  });

  it.each([
    ['a connection reset mid-write', new MongoNetworkError('read ECONNRESET')],
    [
      'no server to write to',
      new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', {} as never),
    ],
  ])('is undefined for a batch that never reached the database (%s): it is no duplicate', (_, cause) => {
    const error = bulkError(cause);
    expect(error.writeErrors).toEqual([]);
    expect(duplicateIndexesOf(error)).toBeUndefined();
  });

  it('is undefined for a write-concern error, which the driver reports with no write errors', () => {
    expect(
      duplicateIndexesOf(bulkError({ message: 'waiting for replication timed out', code: 64 })),
    ).toBeUndefined();
  });
});
