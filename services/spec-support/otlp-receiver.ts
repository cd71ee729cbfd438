import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One span as an OTLP/HTTP JSON export carries it, with the name of the service that sent it. */
export interface ReceivedSpan {
  readonly service: string;
  /** The instrumentation scope that made it, e.g. `@opentelemetry/instrumentation-mongoose`. */
  readonly scope: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

export interface OtlpReceiver {
  readonly server: Server;
  /** The base URL, as `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly url: string;
  /** Every span received so far. */
  readonly spans: ReceivedSpan[];
  close(): Promise<void>;
}

type KeyValue = { key: string; value: Record<string, unknown> };
const valuesOf = (attributes: KeyValue[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));

/** An OTLP/HTTP receiver of JSON trace exports, as a collector would be. */
export async function otlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString();
      const exported = JSON.parse(text) as { resourceSpans: any[] };
      for (const resourceSpans of exported.resourceSpans) {
        const service = String(valuesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              service,
              scope: String(scope.scope?.name ?? ''),
              ...span,
              parentSpanId: span.parentSpanId ?? '',
              attributes: valuesOf(span.attributes),
            });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The spans above one, nearest first, following parent ids within one trace's spans. */
export function ancestorsOf(span: ReceivedSpan | undefined, trace: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(trace.map((one) => [one.spanId, one]));
  const found: ReceivedSpan[] = [];
  for (
    let next = byId.get(span?.parentSpanId ?? '');
    next && found.length < 100;
    next = byId.get(next.parentSpanId)
  )
    found.push(next);
  return found;
}
