import {
  type Context,
  context,
  ProxyTracerProvider,
  type Span,
  type SpanOptions,
  trace,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { currentService } from './service-scope';

/** A provider without a delegate: its spans record nothing. */
const NO_PROVIDER = new ProxyTracerProvider();

/**
 * The global tracer provider: hands each span to the provider of the service in whose scope it starts (see
 * `runInService`). One process runs one service in production, so this is simply that service's provider; the
 * integration specs run several in one process, and each still reports under its own `service.name`.
 */
export class ServiceTracerProvider implements TracerProvider {
  private readonly providers = new Map<string, TracerProvider>();

  add(service: string, provider: TracerProvider): void {
    this.providers.set(service, provider);
  }

  has(service: string): boolean {
    return this.providers.has(service);
  }

  getTracer(name: string, version?: string): Tracer {
    return new ServiceTracer(() => this.providerNow().getTracer(name, version));
  }

  /** The current service's provider (none if it does not trace); outside any service, the first one started. */
  private providerNow(): TracerProvider {
    const service = currentService();
    if (service !== undefined) return this.providers.get(service) ?? NO_PROVIDER;
    return this.providers.values().next().value ?? NO_PROVIDER;
  }
}

class ServiceTracer implements Tracer {
  constructor(private readonly tracerNow: () => Tracer) {}

  startSpan(name: string, options?: SpanOptions, parent?: Context): Span {
    return this.tracerNow().startSpan(name, options, parent);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    parent: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]
  ): ReturnType<F> {
    const fn = rest[rest.length - 1] as (span: Span) => ReturnType<F>;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : undefined;
    const parent = rest.length > 2 ? (rest[1] as Context) : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), fn, undefined, span);
  }
}
