import type { Counts } from './outcome-count';

/** The numbers of the verdict line, per learner. */
export interface Verdict {
  expected: number;
  /** Learners with a credential in the credentials database. */
  issued: number;
  /** Learners missing a credential, recognition's copy or an issued event. */
  lost: number;
  /** Learners with more than one distinct credential anywhere. */
  duplicated: number;
  deadLetters: number;
  /** Per place, how many learners it has (at least one of). */
  credentials: number;
  recognitionCopies: number;
  issuedEvents: number;
  /** Issued events delivered for these learners, repeats included (at-least-once delivery may repeat one). */
  issuedDeliveries: number;
}

export function verdictOf(counts: Counts, expected: number): Verdict {
  const outcomes = [...counts.learners.values()];
  const has = (pick: (o: (typeof outcomes)[number]) => Set<string>) =>
    outcomes.filter((o) => pick(o).size > 0).length;
  return {
    expected,
    issued: has((o) => o.credentials),
    lost:
      expected -
      outcomes.filter(
        (o) => o.credentials.size > 0 && o.recognitionCopies.size > 0 && o.issuedEvents.size > 0,
      ).length,
    duplicated: outcomes.filter(
      (o) => o.credentials.size > 1 || o.recognitionCopies.size > 1 || o.issuedEvents.size > 1,
    ).length,
    deadLetters: counts.deadLetters.count,
    credentials: has((o) => o.credentials),
    recognitionCopies: has((o) => o.recognitionCopies),
    issuedEvents: has((o) => o.issuedEvents),
    issuedDeliveries: outcomes.reduce((sum, o) => sum + o.issuedDeliveries, 0),
  };
}

/** True when nothing is lost, duplicated or dead-lettered. */
export function passed(verdict: Verdict): boolean {
  return verdict.lost === 0 && verdict.duplicated === 0 && verdict.deadLetters === 0;
}

/** Two verdicts count the same (the counts have not moved). */
export function sameCounts(a: Verdict, b: Verdict): boolean {
  return (Object.keys(a) as (keyof Verdict)[]).every((key) => a[key] === b[key]);
}

/**
 * The one verdict line: `chaos: N expected, X issued, L lost, D duplicated, dlq K, settled in S s`, or
 * `..., not settled after S s` when the counts were still moving when the time ran out.
 */
export function verdictLine(verdict: Verdict, settledInMs: number, settled: boolean): string {
  const seconds = Math.round(settledInMs / 1000);
  return (
    `chaos: ${verdict.expected} expected, ${verdict.issued} issued, ${verdict.lost} lost, ` +
    `${verdict.duplicated} duplicated, dlq ${verdict.deadLetters}, ` +
    (settled ? `settled in ${seconds} s` : `not settled after ${seconds} s`)
  );
}

/** Where the learners stand, place by place, for the lines above the verdict. */
export function detailLine(verdict: Verdict): string {
  return (
    `credentials database ${verdict.credentials}/${verdict.expected}, recognition copies ` +
    `${verdict.recognitionCopies}/${verdict.expected}, issued events ${verdict.issuedEvents}/${verdict.expected} ` +
    `(${verdict.issuedDeliveries} delivered)`
  );
}
