import { ReadCache } from './read-cache';

describe('ReadCache', () => {
  const counting = (answers: (string | null)[]) => {
    let reads = 0;
    return {
      read: () => Promise.resolve(answers[Math.min(reads++, answers.length - 1)] ?? null),
      reads: () => reads,
    };
  };

  it('reads once for repeated and concurrent gets within its time', async () => {
    const cache = new ReadCache<string | null>(60_000);
    const source = counting(['a']);
    await Promise.all([cache.get('k', source.read), cache.get('k', source.read)]);
    expect(await cache.get('k', source.read)).toBe('a');
    expect(source.reads()).toBe(1);
  });

  it('reads again when an answer may not be kept, and after forget', async () => {
    const cache = new ReadCache<string | null>(60_000, (value) => value !== null);
    const source = counting([null, 'a', 'b']);
    expect(await cache.get('k', source.read)).toBeNull();
    expect(await cache.get('k', source.read)).toBe('a');
    expect(await cache.get('k', source.read)).toBe('a');
    cache.forget('k');
    expect(await cache.get('k', source.read)).toBe('b');
    expect(source.reads()).toBe(3);
  });

  it('reads again after its time', async () => {
    const cache = new ReadCache<string | null>(0);
    const source = counting(['a', 'b']);
    await cache.get('k', source.read);
    expect(await cache.get('k', source.read)).toBe('b');
  });

  it('does not keep a failed read', async () => {
    const cache = new ReadCache<string>(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve('up'))).toBe('up');
  });
});
