import { Schema, type SchemaDefinition } from 'mongoose';

/**
 * A mongoose schema for a record of fact: a uuid `_id`, never updated by the service after its insert
 * (corrections are new records), optionally carrying an outbox of events written in the same insert.
 */
export function recordSchema(definition: SchemaDefinition, { outbox = false } = {}): Schema {
  const schema = new Schema(
    {
      _id: { type: String, required: true },
      ...definition,
      ...(outbox
        ? {
            outbox: { type: [Schema.Types.Mixed], default: [] },
            outboxPending: { type: Boolean, default: false },
            outboxCreatedAt: { type: Date },
            outboxSentAt: { type: Date },
          }
        : {}),
    },
    { versionKey: false, minimize: false, strict: 'throw' },
  );
  if (outbox) schema.index({ outboxPending: 1, outboxCreatedAt: 1 });
  return schema;
}

/** Reads a record without its outbox, which is the relay's business only. */
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0, outboxCreatedAt: 0, outboxSentAt: 0 } as const;
