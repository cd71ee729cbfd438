/**
 * Keeps keyed reads of seldom-changing records (issuer keys, achievement definitions, facts about offerings) in
 * memory for a while, so a hot path does not read them per event. Concurrent misses share one read; a failed
 * read is not kept; `keep` says which answers may be kept (e.g. not "none yet", which may change any moment).
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly keep: (value: V) => boolean = () => true,
  ) {}

  get(key: string, read: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = read();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    value.then(
      (answer) => {
        if (!this.keep(answer) && this.entries.get(key)?.value === value) this.entries.delete(key);
      },
      () => this.entries.delete(key),
    );
    return value;
  }

  /** Forgets a key after a change made here, so this process sees its own writes at once. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
