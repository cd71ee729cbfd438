import {
  correlationMiddleware,
  hardenHttp,
  httpMetricsMiddleware,
  outlastClientKeepAlive,
  serviceLogger,
  ServiceMetrics,
  setupOpenApi,
} from '@lib/platform';
import { runInService } from '@lib/telemetry';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { gatewayRouteLabel } from './gateway-routes';
import { type GatewayConfig, loadGatewayConfig, UPSTREAM_SERVICES } from './gateway-config';
import { servePublicAssets } from './public-pages';
import { serviceProxy, wellKnownProxy } from './service-proxy';
import { serveWebApp } from './web-app';

/** Builds and starts the gateway, from `main.ts` and from the integration specs alike. */
export function startGateway(config: GatewayConfig = loadGatewayConfig()): Promise<INestApplication> {
  // Its log lines and spans name the gateway even beside services in one process (see runInService).
  return runInService('gateway', () => startInScope(config));
}

async function startInScope(config: GatewayConfig): Promise<INestApplication> {
  const logger = serviceLogger('gateway', config.logging);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: logger.nest,
    bodyParser: false,
  });
  app.use(logger.requests);
  const metrics = app.get(ServiceMetrics);
  app.use(httpMetricsMiddleware(metrics.registry, gatewayRouteLabel));
  hardenHttp(app, config.trustProxy);
  app.enableShutdownHooks();
  app.use(correlationMiddleware);
  for (const service of UPSTREAM_SERVICES) app.use(serviceProxy(service, config.upstreams[service]));
  app.use(wellKnownProxy(config.upstreams.credentials));
  servePublicAssets(app);
  serveWebApp(app, config.webApp);
  setupOpenApi(
    app,
    'gateway',
    'The public origin: routes /api/<service>/... to each service and serves the public pages.',
  );
  outlastClientKeepAlive(app.getHttpServer());
  await app.listen(config.port, config.host);
  new Logger('gateway').log(`metrics on ${await metrics.serve(config.metrics)}`);
  return app;
}
