import { planFaults, type PlanTimings } from './fault-plan';

const SERVICES = ['enrolment', 'assessment', 'credentials', 'recognition', 'gateway'];

describe('planFaults', () => {
  it('kills every service once and stops Kafka, stops the database and kills it, once each', () => {
    const kinds = planFaults(SERVICES, 7).map(({ fault }) =>
      fault.kind === 'kill-service' ? `kill ${fault.service}` : fault.kind,
    );
    expect(kinds.sort()).toEqual(
      [...SERVICES.map((s) => `kill ${s}`), 'kill-database', 'stop-database', 'stop-kafka'].sort(),
    );
  });

  it('gives the same plan for the same seed and another for another seed', () => {
    expect(planFaults(SERVICES, 1)).toEqual(planFaults(SERVICES, 1));
    expect(planFaults(SERVICES, 1)).not.toEqual(planFaults(SERVICES, 2));
  });

  it('keeps the waits within their bounds', () => {
    const timings: PlanTimings = { gap: [100, 200], serviceDown: [0, 10], dependencyDown: [50, 60] };
    for (const { fault, gapMs, downMs } of planFaults(SERVICES, 3, timings)) {
      expect(gapMs).toBeGreaterThanOrEqual(100);
      expect(gapMs).toBeLessThanOrEqual(200);
      const [low, high] = fault.kind === 'kill-service' ? timings.serviceDown : timings.dependencyDown;
      expect(downMs).toBeGreaterThanOrEqual(low);
      expect(downMs).toBeLessThanOrEqual(high);
    }
  });
});
