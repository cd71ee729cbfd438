/**
 * How many faults have been injected, so the driver can start each cohort as a fault begins: every fault then meets
 * work in flight, however fast the driver or slow the restarts are.
 */
export class FaultProgress {
  private injected = 0;
  private finished = false;
  private waiters: { count: number; release: () => void }[] = [];

  /** A fault has just been injected. */
  injectedOne(): void {
    this.injected += 1;
    this.release();
  }

  /** No more faults will come: nobody waits any longer. */
  finish(): void {
    this.finished = true;
    this.release();
  }

  /** Resolves once `count` faults have been injected, or the injector has finished. */
  reached(count: number): Promise<void> {
    if (this.finished || this.injected >= count) return Promise.resolve();
    return new Promise((release) => this.waiters.push({ count, release }));
  }

  private release(): void {
    const ready = this.waiters.filter(({ count }) => this.finished || this.injected >= count);
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const { release } of ready) release();
  }
}
