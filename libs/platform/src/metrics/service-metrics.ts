import type { OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { serviceRegistry } from './metrics-registry';
import type { MetricsSettings } from './metrics-settings';
import { MetricsServer } from './metrics-server';

/**
 * A service's metrics: its registry, which features add their own metrics to, and the listener serving them.
 * Provided by the platform module (and the gateway's), so any provider can inject it.
 */
export class ServiceMetrics implements OnApplicationShutdown {
  readonly registry: Registry;
  private readonly server: MetricsServer;
  private readonly onStop: (() => Promise<void>)[] = [];
  private served: string | undefined;

  constructor(service: string) {
    this.registry = serviceRegistry(service);
    this.server = new MetricsServer(this.registry);
  }

  /** The URL of `/metrics`, once served. */
  get url(): string | undefined {
    return this.served;
  }

  async serve({ host, port }: MetricsSettings): Promise<string> {
    this.served = await this.server.listen(port, host);
    return this.served;
  }

  /** Something to release when the service stops (a Kafka admin client). */
  stopWith(stop: () => Promise<void>): void {
    this.onStop.push(stop);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
    await Promise.all(this.onStop.map((stop) => stop()));
  }
}
