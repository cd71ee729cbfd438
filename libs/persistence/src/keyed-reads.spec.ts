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
