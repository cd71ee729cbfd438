import { randomUUID } from 'node:crypto';
import {
  CE_HEADERS,
  CE_SPEC_VERSION,
  envelopeHeaders,
  type EventEnvelope,
  type KafkaHeaders,
} from './cloudevents';
import { type EventContract, type EventData, eventKey } from './contract';
import { formatIssues } from './issues';

/** A Kafka message ready to send: never a null key. */
export interface EncodedEvent {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: KafkaHeaders;
}

export interface EncodeOptions {
  readonly source: string;
  readonly correlationId: string;
  readonly id?: string;
  readonly time?: Date;
  /** The W3C trace context to carry (see EventEnvelope.traceparent). */
  readonly trace?: { readonly traceparent?: string; readonly tracestate?: string };
}

export class InvalidEventError extends Error {
  constructor(
    readonly topic: string,
    readonly problems: string[],
  ) {
    super(`invalid ${topic} event: ${problems.join('; ')}`);
  }
}

/** Producer side: validates the data against its contract and builds the CloudEvents message. */
export function encodeEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  options: EncodeOptions,
): EncodedEvent {
  const parsed = contract.schema.safeParse(data);
  if (!parsed.success) throw new InvalidEventError(contract.topic, formatIssues(parsed.error.issues));
  const key = eventKey(contract, parsed.data);
  const headers = envelopeHeaders({
    id: options.id ?? randomUUID(),
    source: options.source,
    type: contract.topic,
    time: (options.time ?? new Date()).toISOString(),
    subject: key,
    correlationId: options.correlationId,
    ...options.trace,
  });
  return { topic: contract.topic, key, value: JSON.stringify(parsed.data), headers };
}

export type DecodeResult<T> =
  | { readonly ok: true; readonly envelope: EventEnvelope<T> }
  | { readonly ok: false; readonly problems: string[] };

/** Consumer side: checks the CloudEvents headers and validates the data against the contract. */
export function decodeEvent<C extends EventContract>(
  contract: C,
  headers: KafkaHeaders,
  value: Buffer | string | null,
): DecodeResult<EventData<C>> {
  const problems = headerProblems(contract, headers);
  if (value === null || value.length === 0) problems.push('message has no value');
  if (problems.length > 0) return { ok: false, problems };

  let json: unknown;
  try {
    json = JSON.parse(value!.toString());
  } catch {
    return { ok: false, problems: ['value is not JSON'] };
  }
  const parsed = contract.schema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues) };
  return {
    ok: true,
    envelope: {
      id: headers[CE_HEADERS.id]!,
      source: headers[CE_HEADERS.source]!,
      type: headers[CE_HEADERS.type]!,
      time: headers[CE_HEADERS.time]!,
      subject: headers[CE_HEADERS.subject] ?? '',
      correlationId: headers[CE_HEADERS.correlationId] ?? headers[CE_HEADERS.id]!,
      ...traceOf(headers),
      data: parsed.data as EventData<C>,
    },
  };
}

/** The trace-context extension's attributes, when the event carries them. */
function traceOf(headers: KafkaHeaders): { traceparent?: string; tracestate?: string } {
  const traceparent = headers[CE_HEADERS.traceparent];
  const tracestate = headers[CE_HEADERS.tracestate];
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
}

function headerProblems(contract: EventContract, headers: KafkaHeaders): string[] {
  const problems: string[] = [];
  if (headers[CE_HEADERS.specversion] !== CE_SPEC_VERSION) {
    problems.push(`header ${CE_HEADERS.specversion} must be ${CE_SPEC_VERSION}`);
  }
  for (const name of [CE_HEADERS.id, CE_HEADERS.source, CE_HEADERS.time]) {
    if (!headers[name]) problems.push(`header ${name} is missing`);
  }
  if (headers[CE_HEADERS.type] !== contract.topic) {
    problems.push(
      `header ${CE_HEADERS.type} is ${headers[CE_HEADERS.type] ?? 'missing'}, expected ${contract.topic}`,
    );
  }
  const contentType = headers[CE_HEADERS.contentType];
  if (contentType !== undefined && !contentType.startsWith('application/json')) {
    problems.push(`content-type ${contentType} is not application/json`);
  }
  return problems;
}
