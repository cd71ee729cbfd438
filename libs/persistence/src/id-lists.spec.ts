import type { Model } from 'mongoose';
import {
  addToIdList,
  addToIdLists,
  allIds,
  groupIds,
  type IdList,
  idListOf,
  idListsOf,
  type KeyedList,
} from './id-lists';
import { runOncePerDatabase } from './run-once-per-database';

type Upsert = { filter: { _id: string }; update: { $addToSet: Record<string, { $each: string[] }> } };

/** An in-memory list collection answering the few calls the id-list functions make; `failNext` fails writes. */
class FakeLists {
  readonly documents = new Map<string, Record<string, unknown>>();
  readonly failNext: Error[] = [];
  writes = 0;

  updateOne(filter: Upsert['filter'], update: Upsert['update']) {
    return { exec: () => this.write(() => this.upsert({ filter, update })) };
  }

  bulkWrite(operations: { updateOne: Upsert }[]) {
    return this.write(() => operations.forEach(({ updateOne }) => this.upsert(updateOne)));
  }

  find(filter: { _id: { $in: string[] } }) {
    const found = filter._id.$in.flatMap((id) => this.documents.get(id) ?? []);
    return { lean: () => ({ exec: () => Promise.resolve(found) }) };
  }

  findById(id: string) {
    return { lean: () => ({ exec: () => Promise.resolve(this.documents.get(id) ?? null) }) };
  }

  exists(filter: { _id: string }) {
    return { exec: () => Promise.resolve(this.documents.has(filter._id) ? { _id: filter._id } : null) };
  }

  as<T>(): Model<T> {
    return this as unknown as Model<T>;
  }

  private write(apply: () => void): Promise<void> {
    this.writes += 1;
    const failure = this.failNext.shift();
    if (failure) return Promise.reject(failure);
    apply();
    return Promise.resolve();
  }

  private upsert({ filter, update }: Upsert): void {
    const document = this.documents.get(filter._id) ?? { _id: filter._id };
    for (const [field, { $each }] of Object.entries(update.$addToSet)) {
      const ids = (document[field] as string[] | undefined) ?? [];
      document[field] = [...ids, ...$each.filter((id) => !ids.includes(id))];
    }
    this.documents.set(filter._id, document);
  }
}

interface EnrolmentIds extends KeyedList {
  enrolmentIds: string[];
}

/** A server error as the driver throws it: a code, and for a bulk write the error of each failed operation. */
const serverError = (code: number, writeErrors?: { index: number; code: number }[]) =>
  Object.assign(new Error(`E${code}`), { code, writeErrors });

const duplicateKey = serverError(11000);
const bulkDuplicateKey = serverError(11000, [{ index: 0, code: 11000 }]);
const mixedBulkErrors = serverError(11000, [
  { index: 0, code: 11000 },
  { index: 1, code: 121 },
]);

describe('addToIdList and idListOf', () => {
  it('adds ids once each under `ids` and reads them back when the list is the shared IdList', async () => {
    const lists = new FakeLists();
    await addToIdList(lists.as<IdList>(), 'learner:l1', ['r1', 'r2']);
    await addToIdList(lists.as<IdList>(), 'learner:l1', ['r2', 'r3']);
    expect(await idListOf(lists.as<IdList>(), 'learner:l1')).toEqual(['r1', 'r2', 'r3']);
    expect(lists.documents.get('learner:l1')).toEqual({ _id: 'learner:l1', ids: ['r1', 'r2', 'r3'] });
  });

  it('writes and reads the named field when the collection has its own shape', async () => {
    const lists = new FakeLists();
    await addToIdList(lists.as<EnrolmentIds>(), 'o1', ['e1'], 'enrolmentIds');
    expect(lists.documents.get('o1')).toEqual({ _id: 'o1', enrolmentIds: ['e1'] });
    expect(await idListOf(lists.as<EnrolmentIds>(), 'o1', 'enrolmentIds')).toEqual(['e1']);
  });

  it('reads an empty list when the list is missing, and writes nothing when no ids are given', async () => {
    const lists = new FakeLists();
    await addToIdList(lists.as<IdList>(), 'k', []);
    expect(lists.writes).toBe(0);
    expect(await idListOf(lists.as<IdList>(), 'k')).toEqual([]);
  });

  it.each([
    ['a duplicate key', duplicateKey],
    ['a bulk write whose every error is a duplicate key', bulkDuplicateKey],
  ])('tries once more when the first upsert meets %s', async (_, error) => {
    const lists = new FakeLists();
    lists.failNext.push(error);
    await addToIdList(lists.as<IdList>(), 'k', ['a']);
    expect(lists.writes).toBe(2);
    expect(await idListOf(lists.as<IdList>(), 'k')).toEqual(['a']);
  });

  it.each([
    ['any other error', [serverError(121)]],
    ['a bulk write with another error among the duplicates', [mixedBulkErrors]],
    ['a duplicate key twice', [duplicateKey, duplicateKey]],
  ])('throws when the upsert meets %s', async (_, errors) => {
    const lists = new FakeLists();
    lists.failNext.push(...errors);
    await expect(addToIdList(lists.as<IdList>(), 'k', ['a'])).rejects.toBe(errors.at(-1));
  });
});

describe('addToIdLists and idListsOf', () => {
  it('adds to many lists in one write, skipping lists with no ids', async () => {
    const lists = new FakeLists();
    await addToIdLists(
      lists.as<IdList>(),
      new Map([
        ['a', ['1', '2']],
        ['b', []],
        ['c', ['3']],
      ]),
    );
    expect(lists.writes).toBe(1);
    expect([...lists.documents.keys()]).toEqual(['a', 'c']);
  });

  it('writes nothing when no list gains an id', async () => {
    const lists = new FakeLists();
    await addToIdLists(lists.as<IdList>(), new Map([['a', []]]));
    expect(lists.writes).toBe(0);
  });

  it('tries the whole write once more when it meets only duplicate keys', async () => {
    const lists = new FakeLists();
    lists.failNext.push(bulkDuplicateKey);
    await addToIdLists(lists.as<EnrolmentIds>(), new Map([['o1', ['e1']]]), 'enrolmentIds');
    expect(lists.writes).toBe(2);
    expect(await idListOf(lists.as<EnrolmentIds>(), 'o1', 'enrolmentIds')).toEqual(['e1']);
  });

  it('reads each asked list once, empty when missing, in the order asked', async () => {
    const lists = new FakeLists();
    await addToIdLists(lists.as<IdList>(), new Map([['a', ['1', '2']]]));
    const read = await idListsOf(lists.as<IdList>(), ['missing', 'a', 'missing']);
    expect([...read]).toEqual([
      ['missing', []],
      ['a', ['1', '2']],
    ]);
    expect(await idListsOf(lists.as<IdList>(), [])).toEqual(new Map());
  });
});

describe('allIds', () => {
  it('gives every id of the lists once each, in first-seen order', () => {
    const lists = new Map([
      ['a', ['1', '2']],
      ['b', ['2', '3']],
      ['c', []],
    ]);
    expect(allIds(lists)).toEqual(['1', '2', '3']);
  });
});

describe('groupIds', () => {
  it('groups ids by their list, in the order given', () => {
    const enrolments = [
      { _id: 'e1', offeringId: 'o1' },
      { _id: 'e2', offeringId: 'o2' },
      { _id: 'e3', offeringId: 'o1' },
    ];
    const lists = groupIds(
      enrolments,
      (e) => e.offeringId,
      (e) => e._id,
    );
    expect([...lists]).toEqual([
      ['o1', ['e1', 'e3']],
      ['o2', ['e2']],
    ]);
  });
});

describe('runOncePerDatabase', () => {
  it('runs the job and then writes its marker when the marker is missing', async () => {
    const lists = new FakeLists();
    const markedDuringJob: boolean[] = [];
    await runOncePerDatabase(lists.as<IdList>(), 'backfill:v1', () => {
      markedDuringJob.push(lists.documents.has('backfill:v1'));
      return Promise.resolve();
    });
    expect(markedDuringJob).toEqual([false]);
    expect(lists.documents.get('backfill:v1')).toEqual({ _id: 'backfill:v1', ids: ['done'] });
  });

  it('skips the job when the marker exists', async () => {
    const lists = new FakeLists();
    lists.documents.set('backfill:v1', { _id: 'backfill:v1', enrolmentIds: [] });
    const job = jest.fn(() => Promise.resolve());
    await runOncePerDatabase(lists.as<EnrolmentIds>(), 'backfill:v1', job, 'enrolmentIds');
    expect(job).not.toHaveBeenCalled();
  });

  it('leaves the marker unwritten when the job fails, so the next start runs it again', async () => {
    const lists = new FakeLists();
    const failure = new Error('scan failed');
    await expect(
      runOncePerDatabase(lists.as<IdList>(), 'backfill:v1', () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    expect(lists.documents.has('backfill:v1')).toBe(false);
  });
});
