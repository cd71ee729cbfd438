import { ErrorFilter, HealthController, READINESS_CHECKS, SERVICE_NAME, ServiceMetrics } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { type GatewayConfig, UPSTREAM_SERVICES } from './gateway-config';
import { UpstreamReadiness } from './upstream-readiness';
import { VerifyPageController } from './verify-page.controller';

/** The gateway: the one public origin. It owns no data; it routes `/api/<service>` and serves public pages. */
@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, VerifyPageController],
      providers: [
        { provide: SERVICE_NAME, useValue: 'gateway' },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics('gateway') },
        {
          provide: READINESS_CHECKS,
          useValue: UPSTREAM_SERVICES.map(
            (service) => new UpstreamReadiness(service, config.upstreams[service]),
          ),
        },
      ],
    };
  }
}
