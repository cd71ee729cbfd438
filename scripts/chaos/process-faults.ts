import type { DatabaseProcess, KafkaProcess, ServiceProcess } from '@lib/testing';
import type { FaultTarget } from './fault-target';

/**
 * The faults on processes a spec started itself (`spawnService`, `startKafka`, `startDatabase` of libs/testing):
 * the same faults as on the `make up` stack, without touching anyone else's processes or ports.
 */
export class ProcessFaults implements FaultTarget {
  readonly services: readonly string[];

  /**
   * @param services by name, in start order (the gateway last, as `services.sh` starts them)
   */
  constructor(
    private readonly processes: ReadonlyMap<string, ServiceProcess>,
    private readonly kafka: KafkaProcess,
    private readonly database: DatabaseProcess,
  ) {
    this.services = [...processes.keys()];
  }

  killService(name: string): Promise<void> {
    const service = this.processes.get(name);
    if (!service) return Promise.reject(new Error(`no service named '${name}'`));
    return service.kill();
  }

  /** Like `services.sh start`: starts only what is stopped, one after another, each until `/ready`. */
  async startServices(): Promise<void> {
    for (const service of this.processes.values()) await service.start();
  }

  stopKafka(): Promise<void> {
    return this.kafka.stop();
  }

  startKafka(): Promise<void> {
    return this.kafka.start();
  }

  stopDatabase(): Promise<void> {
    return this.database.stop();
  }

  killDatabase(): Promise<void> {
    return this.database.kill();
  }

  startDatabase(): Promise<void> {
    return this.database.start();
  }
}
