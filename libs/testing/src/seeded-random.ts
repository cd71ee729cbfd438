/**
 * Seeded randomness for specs: the same seed gives the same numbers and so the same order, so a spec that
 * shuffles can be replayed exactly with `TEST_SEED=<seed>`.
 */
export interface SeededRandom {
  /** The seed this generator started from: give it as `TEST_SEED` to replay a run. */
  readonly seed: number;
  /** The next number in [0, 1). */
  next(): number;
  /** Shuffles `items` in place (Fisher-Yates) and returns them. */
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: a tiny 32-bit generator, good enough to order test data and cheap to replay. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  return { seed: seed >>> 0, next, shuffle };
}

/** The seed in `TEST_SEED` (a whole number), or a fresh one when it is not set. */
export function testSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.TEST_SEED?.trim();
  if (!given) return Math.floor(Math.random() * 2 ** 32);
  if (!/^\d+$/.test(given) || Number(given) >= 2 ** 32) {
    throw new Error(`TEST_SEED must be a whole number below 2^32, not "${given}".`);
  }
  return Number(given);
}

/**
 * A generator for one spec file, seeded from `TEST_SEED` or at random; it prints its seed once so that a failing
 * run can be replayed.
 */
export function specRandom(spec: string): SeededRandom {
  const random = seededRandom(testSeed());
  console.log(`${spec}: random order from seed ${random.seed}; replay with TEST_SEED=${random.seed}`);
  return random;
}
