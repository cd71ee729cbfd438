import type { Consumer } from 'kafkajs';

/**
 * A running consumer fetches at least every few seconds (KafkaJS's fetch returns after `maxWaitTime`, 5 s, even when
 * there is nothing new). No fetch for this long means its run loop hangs (seen once after a broker restart, with the
 * group stable and no error logged).
 */
const SILENT_AFTER_MS = 120_000;
/** A batch still being handled after this long is hung: its retries in place take seconds, a large batch a minute. */
const BATCH_HUNG_AFTER_MS = 300_000;
const CHECK_EVERY_MS = 15_000;

/** Notices a consumer's run loop that stopped making progress without a crash, so the consumer can be rebuilt. */
export class ConsumerWatchdog {
  private lastFetchAt = Date.now();
  /** When each batch being handled began, by `topic[partition]`. */
  private readonly batchesInFlight = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onHung: (reason: string) => void) {}

  /** Watches afresh (a consumer that has just started). */
  start(): void {
    this.stop();
    this.lastFetchAt = Date.now();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.batchesInFlight.clear();
  }

  fetched(): void {
    this.lastFetchAt = Date.now();
  }

  /** Runs a batch's handling, noting how long it takes. */
  async batch<T>(key: string, handle: () => Promise<T>): Promise<T> {
    this.batchesInFlight.set(key, Date.now());
    try {
      return await handle();
    } finally {
      this.batchesInFlight.delete(key);
    }
  }

  private check(): void {
    const now = Date.now();
    const oldestBatch = Math.min(now, ...this.batchesInFlight.values());
    if (now - this.lastFetchAt > SILENT_AFTER_MS)
      this.onHung(`no fetch for ${Math.round((now - this.lastFetchAt) / 1000)} s`);
    else if (now - oldestBatch > BATCH_HUNG_AFTER_MS)
      this.onHung(`a batch has been handled for ${Math.round((now - oldestBatch) / 1000)} s`);
  }
}

/** Disconnects, giving up after `ms` (a hung run loop can keep a disconnect waiting for ever). */
export async function disconnectWithin(consumer: Consumer, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([consumer.disconnect().catch(() => undefined), timeout]);
  clearTimeout(timer);
}
