import type { z } from 'zod';

/**
 * What producer and consumer agree on for one event: its topic, its data schema and which field keys it.
 * The key keeps one learner's (or one entity's) events in order within a partition; it is never null.
 */
export interface EventContract<Schema extends z.ZodType = z.ZodType> {
  /** Kafka topic, also the CloudEvents `type`. */
  readonly topic: string;
  readonly schema: Schema;
  /** The data field whose value is the Kafka message key. */
  readonly keyField: string;
  /** One line: what happened. */
  readonly description: string;
}

export type EventData<C extends EventContract> = z.output<C['schema']>;

export function defineEvent<Schema extends z.ZodObject>(
  contract: EventContract<Schema>,
): EventContract<Schema> {
  if (!(contract.keyField in contract.schema.shape)) {
    throw new Error(`${contract.topic}: key field ${contract.keyField} is not in the schema`);
  }
  return Object.freeze(contract);
}

/** The message key of an event: the value of its contract's key field. */
export function eventKey(contract: EventContract, data: unknown): string {
  const value = (data as Record<string, unknown>)[contract.keyField];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${contract.topic}: key field ${contract.keyField} is empty`);
  }
  return value;
}
