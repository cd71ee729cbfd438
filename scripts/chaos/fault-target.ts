/**
 * What the chaos check does to a running system. The local stack implements it through the project's own
 * scripts (`LocalStackFaults`); a spec can implement it on processes it started itself.
 */
export interface FaultTarget {
  /** The services that can be killed, by name. */
  readonly services: readonly string[];
  /** Crashes one service (SIGKILL): no shutdown hooks run, connections drop mid-request. */
  killService(name: string): Promise<void>;
  /** Starts every service that is not running; resolves once they answer `/ready`. */
  startServices(): Promise<void>;
  /** Stops Kafka gracefully (SIGTERM, controlled shutdown). */
  stopKafka(): Promise<void>;
  /** Starts Kafka; resolves once it answers. */
  startKafka(): Promise<void>;
  /** Stops the database gracefully (SIGTERM). */
  stopDatabase(): Promise<void>;
  /** Crashes the database (SIGKILL): whatever it had not written to disk is gone. */
  killDatabase(): Promise<void>;
  /** Starts the database; resolves once it answers. */
  startDatabase(): Promise<void>;
}

/** One fault: a service crash, or a dependency taken away and brought back. */
export type Fault =
  | { kind: 'kill-service'; service: string }
  | { kind: 'stop-kafka' }
  | { kind: 'stop-database' }
  | { kind: 'kill-database' };

/** How a fault reads in the timeline. */
export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'kill-service':
      return `SIGKILL ${fault.service}`;
    case 'stop-kafka':
      return 'stop Kafka (SIGTERM)';
    case 'stop-database':
      return 'stop the database (SIGTERM)';
    case 'kill-database':
      return 'kill the database (SIGKILL)';
  }
}

/** Takes the fault's component away. */
export function inject(target: FaultTarget, fault: Fault): Promise<void> {
  switch (fault.kind) {
    case 'kill-service':
      return target.killService(fault.service);
    case 'stop-kafka':
      return target.stopKafka();
    case 'stop-database':
      return target.stopDatabase();
    case 'kill-database':
      return target.killDatabase();
  }
}

/** Brings the fault's component back; resolves once it answers. */
export function repair(target: FaultTarget, fault: Fault): Promise<void> {
  switch (fault.kind) {
    case 'kill-service':
      return target.startServices();
    case 'stop-kafka':
      return target.startKafka();
    case 'stop-database':
    case 'kill-database':
      return target.startDatabase();
  }
}
