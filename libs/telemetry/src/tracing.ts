import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ServiceTracerProvider } from './service-tracers';

let router: ServiceTracerProvider | undefined;
let unregister: (() => void) | undefined;
const providers = new Map<string, TracerProvider>();

/** Context manager, W3C propagator, the per-service router and the HTTP, Express and mongoose instrumentations. */
function installOnce(): ServiceTracerProvider {
  if (router) return router;
  router = new ServiceTracerProvider();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(router);
  unregister = registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isProbe(request.url) }),
      new ExpressInstrumentation(),
      new MongooseInstrumentation(),
    ],
  });
  // HTTP is patched in place when next required: require it now, in case it was loaded before (a test runner).
  const load = createRequire(__filename);
  for (const core of ['http', 'https']) load(core);
  return router;
}

/** Health and readiness probes come every few seconds and say nothing about a learner's request. */
function isProbe(url: string | undefined): boolean {
  return url === '/health' || url === '/ready';
}

/**
 * Starts tracing for a service when it has an OTLP endpoint (`tracesEndpoint`; off otherwise), exporting OTLP/HTTP JSON with
 * the service's name as `service.name`. Call it before express and mongoose are loaded (each `main.ts` does so
 * first), so their instrumentations apply. Calling it again for the same service does nothing. True when on.
 */
export function startTracing(service: string, url: string | undefined): boolean {
  if (!url) return false;
  const services = installOnce();
  if (services.has(service)) return true;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'credit-bridge' }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })],
  });
  services.add(service, provider);
  providers.set(service, provider);
  return true;
}

/** Sends the spans still buffered (on shutdown, and in specs before they look). */
export async function flushTraces(service?: string): Promise<void> {
  const chosen = service === undefined ? [...providers.values()] : [providers.get(service)];
  await Promise.all(chosen.flatMap((provider) => (provider ? [provider.forceFlush()] : [])));
}

/** Sends what is buffered, then undoes `startTracing` for every service: instrumentations removed, globals reset. */
export async function stopTracing(): Promise<void> {
  await flushTraces();
  await Promise.all([...providers.values()].map((provider) => provider.shutdown()));
  providers.clear();
  unregister?.();
  unregister = undefined;
  router = undefined;
  trace.disable();
  context.disable();
  propagation.disable();
}
