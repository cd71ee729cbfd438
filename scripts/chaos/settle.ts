import type { Counts } from './outcome-count';
import { sameCounts, type Verdict, verdictOf } from './verdict';

export interface SettleOptions {
  expected: number;
  count: () => Promise<Counts>;
  /** ms since the epoch after which it stops waiting. */
  deadline: number;
  /** Counts that stop moving for this long, with something missing, are settled too (stuck, not slow). */
  quietMs: number;
  pollMs?: number;
  log: (line: string) => void;
}

export interface Settled {
  counts: Counts;
  verdict: Verdict;
  /** False when the time ran out while the counts were still moving. */
  settled: boolean;
  /** When the counts last changed (ms since the epoch): the moment they settled. */
  lastChangeAt: number;
}

/**
 * Counts again and again until every learner has their credential everywhere (settled at once), or the counts stop
 * moving for `quietMs` (settled, with what is missing), or the deadline passes (not settled).
 */
export async function untilSettled(options: SettleOptions): Promise<Settled> {
  const { expected, count, deadline, quietMs, log } = options;
  let previous: Verdict | undefined;
  let lastChangeAt = Date.now();
  for (; ; await new Promise((done) => setTimeout(done, options.pollMs ?? 5000))) {
    let counts: Counts;
    try {
      counts = await count();
    } catch (error) {
      // Kafka or the database just back may refuse a moment longer ("not the leader"); counting again cures it.
      if (Date.now() > deadline) throw error;
      log(`counting failed (${error instanceof Error ? error.message : String(error)}); counting again`);
      continue;
    }
    const verdict = verdictOf(counts, expected);
    const now = Date.now();
    if (!previous || !sameCounts(previous, verdict)) {
      lastChangeAt = now;
      log(
        `counting: ${verdict.credentials} credentials, ${verdict.recognitionCopies} copies, ` +
          `${verdict.issuedEvents} issued events, dlq ${verdict.deadLetters}`,
      );
    }
    previous = verdict;
    if (verdict.lost === 0) return { counts, verdict, settled: true, lastChangeAt };
    if (now - lastChangeAt >= quietMs) return { counts, verdict, settled: true, lastChangeAt };
    if (now > deadline) return { counts, verdict, settled: false, lastChangeAt };
  }
}
