import { groupIds } from './id-lists';
import { readInParts } from './keyed-reads';

describe('readInParts', () => {
  it.each([
    [0, []],
    [1, [1]],
    [250, [250]],
    [251, [250, 1]],
    [600, [250, 250, 100]],
  ])('reads %i keys in parts of %j, keeping their order', async (count, sizes) => {
    const keys = Array.from({ length: count }, (_, n) => `k${n}`);
    const parts: string[][] = [];
    const read = await readInParts(keys, (part) => {
      parts.push(part);
      return Promise.resolve(part.map((key) => key.toUpperCase()));
    });
    expect(parts.map((part) => part.length)).toEqual(sizes);
    expect(read).toEqual(keys.map((key) => key.toUpperCase()));
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
