import { seededRandom } from '@lib/testing';
import type { Fault } from './fault-target';

/** A fault and when it happens: `gapMs` after the previous one was repaired, down for `downMs`. */
export interface PlannedFault {
  fault: Fault;
  gapMs: number;
  downMs: number;
}

/** Bounds of the random waits, in ms. */
export interface PlanTimings {
  gap: [number, number];
  serviceDown: [number, number];
  dependencyDown: [number, number];
}

export const DEFAULT_TIMINGS: PlanTimings = {
  gap: [3000, 15000],
  serviceDown: [0, 5000],
  dependencyDown: [5000, 20000],
};

/**
 * Every fault kind, each service killed once, Kafka stopped once, the database stopped once and killed once, in an
 * order and with waits drawn from `seed`: the same seed gives the same plan, so a failing run can be replayed.
 */
export function planFaults(
  services: readonly string[],
  seed: number,
  timings: PlanTimings = DEFAULT_TIMINGS,
): PlannedFault[] {
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]): number => Math.round(low + random.next() * (high - low));
  const faults: Fault[] = [
    ...services.map((service) => ({ kind: 'kill-service' as const, service })),
    { kind: 'stop-kafka' },
    { kind: 'stop-database' },
    { kind: 'kill-database' },
  ];
  return random.shuffle(faults).map((fault) => ({
    fault,
    gapMs: between(timings.gap),
    downMs: between(fault.kind === 'kill-service' ? timings.serviceDown : timings.dependencyDown),
  }));
}
