import { unindexedQueries, unkeyedQueries } from './query-recorder';

describe('unkeyedQueries', () => {
  const keys = new Map([['enrolments', [['_id'], ['offeringId', 'learnerId']]]]);
  const query = (filter: Record<string, unknown>) => ({ collection: 'enrolments', method: 'find', filter });

  it.each([
    ['an _id value', { _id: 'e1' }],
    ['an _id list', { _id: { $in: ['e1', 'e2'] } }],
    ['every field of a unique index', { offeringId: 'o1', learnerId: { $eq: 'l1' } }],
  ])('accepts a filter by %s', (_name, filter) => {
    expect(unkeyedQueries([query(filter)], keys)).toEqual([]);
  });

  it.each([
    ['nothing', {}],
    ['a non-unique field', { offeringId: 'o1' }],
    ['part of a unique index', { learnerId: 'l1' }],
    ['an _id range', { _id: { $gt: 'e1' } }],
    ['an _id with a condition beside it', { _id: 'e1', removedAt: { $exists: false } }],
  ])('reports a filter by %s', (_name, filter) => {
    expect(unkeyedQueries([query(filter)], keys)).toHaveLength(1);
  });

  it('knows only _id as a key for a collection no model declared', () => {
    const other = { collection: 'other', method: 'find', filter: { offeringId: 'o1' } };
    expect(unkeyedQueries([other], keys)).toEqual([other]);
  });
});

describe('unindexedQueries', () => {
  const indexes = new Map([['credentials', [['_id'], ['bodyId', 'learnerId', 'issuedAt']]]]);
  const query = (filter: Record<string, unknown>) => ({ collection: 'credentials', method: 'find', filter });

  it.each([
    ['an _id list', { _id: { $in: ['c1', 'c2'] } }],
    ['the first field of an index', { bodyId: 'b1' }],
    ['its first two fields, in any order', { learnerId: 'l1', bodyId: { $eq: 'b1' } }],
  ])('accepts a filter by %s', (_name, filter) => {
    expect(unindexedQueries([query(filter)], indexes)).toEqual([]);
  });

  it.each([
    ['nothing', {}],
    ['a field that does not lead the index', { learnerId: 'l1' }],
    ['a field outside the index beside its leading one', { bodyId: 'b1', name: 'Ada' }],
    ['a range on its leading field', { bodyId: { $gt: 'b1' } }],
  ])('reports a filter by %s', (_name, filter) => {
    expect(unindexedQueries([query(filter)], indexes)).toHaveLength(1);
  });
});
