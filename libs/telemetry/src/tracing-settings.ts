import { startTracing } from './tracing';

/**
 * Where traces go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces` (the
 * OpenTelemetry variables); none (tracing off) without either or with `OTEL_SDK_DISABLED=true`.
 */
export function tracesEndpoint(env: Record<string, string | undefined>): string | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const url = traces || (base ? `${base.replace(/\/$/, '')}/v1/traces` : undefined);
  if (url !== undefined && !URL.canParse(url))
    throw new Error(`the OTLP traces endpoint ${url} is not a URL`);
  return url;
}

/**
 * The first thing each `main.ts` does: tracing from the environment, before HTTP, Express and mongoose load so their
 * instrumentations apply. It reads the environment itself because the services' configuration loads them.
 */
export function startTracingFromEnvironment(service: string): boolean {
  return startTracing(service, tracesEndpoint(process.env));
}
