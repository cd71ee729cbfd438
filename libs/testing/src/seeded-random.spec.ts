import { seededRandom, testSeed } from './seeded-random';

const oneToTwenty = () => Array.from({ length: 20 }, (_, n) => n + 1);

describe('seededRandom', () => {
  it('gives the same order for the same seed', () => {
    expect(seededRandom(42).shuffle(oneToTwenty())).toEqual(seededRandom(42).shuffle(oneToTwenty()));
  });

  it('gives another order for another seed', () => {
    expect(seededRandom(42).shuffle(oneToTwenty())).not.toEqual(seededRandom(43).shuffle(oneToTwenty()));
  });

  it('keeps every item when it shuffles', () => {
    const shuffled = seededRandom(7).shuffle(oneToTwenty());
    expect(shuffled).not.toEqual(oneToTwenty());
    expect([...shuffled].sort((a, b) => a - b)).toEqual(oneToTwenty());
  });

  it('gives numbers in [0, 1) spread over the range', () => {
    const random = seededRandom(1);
    const numbers = Array.from({ length: 1000 }, () => random.next());
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(numbers.filter((n) => n < 0.5).length).toBeGreaterThan(400);
    expect(numbers.filter((n) => n < 0.5).length).toBeLessThan(600);
  });

  it('gives the first numbers mulberry32 gives for seed 0', () => {
    const random = seededRandom(0);
    expect([random.next(), random.next()].map((n) => Math.floor(n * 2 ** 32))).toEqual([1144304738, 1416247]);
  });
});

describe('testSeed', () => {
  it.each([
    ['12345', 12345],
    [' 7 ', 7],
    ['0', 0],
  ])('reads TEST_SEED=%j as %i', (given, seed) => {
    expect(testSeed({ TEST_SEED: given })).toBe(seed);
  });

  it('makes a whole number below 2^32 when TEST_SEED is not set', () => {
    const seed = testSeed({});
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it.each(['abc', '-1', '1.5', '4294967296'])('refuses TEST_SEED=%j', (given) => {
    expect(() => testSeed({ TEST_SEED: given })).toThrow('TEST_SEED must be a whole number');
  });
});
