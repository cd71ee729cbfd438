import { z } from 'zod';
import type { EventContract } from './contract';

export type JsonSchema = { [key: string]: unknown };

/** The JSON Schema of an event's data, as committed in `libs/contracts/schemas/<topic>.json`. */
export function eventJsonSchema(contract: EventContract): JsonSchema {
  const schema = z.toJSONSchema(contract.schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return {
    ...schema,
    $id: `credit-bridge:event:${contract.topic}`,
    title: contract.topic,
    description: contract.description,
    'x-key-field': contract.keyField,
  };
}
