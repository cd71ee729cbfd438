/**
 * CloudEvents 1.0 over Kafka in binary content mode: the attributes travel as `ce_*` headers and the
 * message value is the event data as JSON.
 */
export interface EventEnvelope<T = unknown> {
  /** Unique per event; consumers use it to skip duplicates. */
  readonly id: string;
  /** URI reference of the producing service, e.g. `/credit-bridge/enrolment`. */
  readonly source: string;
  /** The event type; we use the topic name, e.g. `enrolment.enrolment.created.v1`. */
  readonly type: string;
  /** UTC ISO-8601. */
  readonly time: string;
  /** The entity the event is about (its key). */
  readonly subject: string;
  /** Flows from the HTTP request through every event it causes. */
  readonly correlationId: string;
  /**
   * W3C trace context of the span that wrote the event (the CloudEvents distributed-tracing extension), so the
   * consumer's span joins the same trace; absent when tracing is off.
   */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: T;
}

export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  traceparent: 'ce_traceparent',
  tracestate: 'ce_tracestate',
  contentType: 'content-type',
} as const;

export const CE_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

export type KafkaHeaders = Record<string, string>;

export function envelopeHeaders(envelope: Omit<EventEnvelope, 'data'>): KafkaHeaders {
  return {
    [CE_HEADERS.specversion]: CE_SPEC_VERSION,
    [CE_HEADERS.id]: envelope.id,
    [CE_HEADERS.source]: envelope.source,
    [CE_HEADERS.type]: envelope.type,
    [CE_HEADERS.time]: envelope.time,
    [CE_HEADERS.subject]: envelope.subject,
    [CE_HEADERS.correlationId]: envelope.correlationId,
    ...(envelope.traceparent ? { [CE_HEADERS.traceparent]: envelope.traceparent } : {}),
    ...(envelope.tracestate ? { [CE_HEADERS.tracestate]: envelope.tracestate } : {}),
    [CE_HEADERS.contentType]: JSON_CONTENT_TYPE,
  };
}

/** Kafka delivers header values as Buffers (or arrays of them); we only ever send one string each. */
export function headersToStrings(
  raw: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): KafkaHeaders {
  const headers: KafkaHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return headers;
}
