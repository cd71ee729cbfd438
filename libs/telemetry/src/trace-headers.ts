import {
  type Attributes,
  type Context,
  type Link,
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/** W3C trace context as the CloudEvents distributed-tracing extension carries it. */
export interface TraceHeaders {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

const TRACER = 'credit-bridge-messaging';

/**
 * Opens and closes a producer span for an event being written (to an outbox) and returns its context as headers, so
 * the consumer's span continues the same trace. Empty when tracing is off or nothing is being traced.
 */
export function traceHeadersForEvent(topic: string, eventId: string): TraceHeaders {
  const span = trace.getTracer(TRACER).startSpan(`${topic} create`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'create',
      'messaging.destination.name': topic,
      'messaging.message.id': eventId,
    },
  });
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  span.end();
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** Runs work outside any trace: background work started from a request must not join the request's trace. */
export function untraced<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, work);
}

/** The context an event's headers carry: the parent of the consumer's handling span. */
export function contextOfTraceHeaders(headers: TraceHeaders): Context {
  if (!headers.traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent: headers.traceparent };
  if (headers.tracestate) carrier.tracestate = headers.tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

export interface ConsumedEvent extends TraceHeaders {
  readonly id: string;
  readonly type: string;
}

/** Runs an event's handling inside a consumer span, a child of the span that wrote the event. */
export async function inConsumerSpan<T>(
  event: ConsumedEvent,
  groupId: string,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(contextOfTraceHeaders(event), [], processAttributes(event.type, groupId, event.id), work);
}

/**
 * Runs a batch's handling inside one consumer span, linked to each event's writer; when the events all come from one
 * trace (one request that wrote several), the span is a child in that trace.
 */
export async function inBatchConsumerSpan<T>(
  events: readonly ConsumedEvent[],
  groupId: string,
  work: () => Promise<T>,
): Promise<T> {
  const contexts = events.map((event) => contextOfTraceHeaders(event));
  const spans = contexts.map((one) => trace.getSpanContext(one)).filter((one) => one !== undefined);
  const oneTrace = spans.length === events.length && new Set(spans.map((one) => one.traceId)).size === 1;
  const attributes = {
    ...processAttributes(events[0]?.type ?? '', groupId),
    'messaging.batch.message_count': events.length,
  };
  const links = spans.map((one) => ({ context: one }));
  return inSpan(oneTrace ? contexts[0]! : ROOT_CONTEXT, links, attributes, work);
}

function processAttributes(topic: string, groupId: string, eventId?: string): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': topic,
    'messaging.consumer.group.name': groupId,
    ...(eventId ? { 'messaging.message.id': eventId } : {}),
  };
}

async function inSpan<T>(
  parent: Context,
  links: Link[],
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const name = `${String(attributes['messaging.destination.name'])} process`;
  const span = trace
    .getTracer(TRACER)
    .startSpan(name, { kind: SpanKind.CONSUMER, attributes, links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}
