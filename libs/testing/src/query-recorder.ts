import mongoose, { type Connection } from 'mongoose';

/** One call a repository made on a collection, as mongoose reports it in debug mode. */
export interface RecordedQuery {
  readonly collection: string;
  readonly method: string;
  readonly filter: Record<string, unknown>;
}

export interface QueryRecorder {
  readonly queries: RecordedQuery[];
  /** Forgets what was recorded so far, e.g. once a spec's setup is done. */
  clear(): void;
  stop(): void;
}

/** Methods whose first argument is a filter; inserts and index builds have none and are not recorded. */
const FILTERED_METHODS = new Set([
  'find',
  'findOne',
  'countDocuments',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
]);

/**
 * Records every filtered call made through mongoose in this process (the services a spec starts in process
 * included), so a spec can check that hot paths read and write by key. Raw driver calls are not seen.
 */
export function recordQueries(): QueryRecorder {
  const queries: RecordedQuery[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (method === 'aggregate') {
      queries.push({ collection, method, filter: firstMatch(args[0]) });
    } else if (method === 'distinct') {
      queries.push({ collection, method, filter: (args[1] ?? {}) as Record<string, unknown> });
    } else if (method === 'bulkWrite') {
      for (const filter of bulkFilters(args[0])) queries.push({ collection, method, filter });
    } else if (FILTERED_METHODS.has(method)) {
      queries.push({ collection, method, filter: (args[0] ?? {}) as Record<string, unknown> });
    }
  });
  return {
    queries,
    clear: () => queries.splice(0, queries.length),
    stop: () => mongoose.set('debug', false),
  };
}

/** Per collection, the field sets of its unique indexes (`_id` always among them), from the models registered. */
export function uniqueKeysOf(connections: readonly Connection[]): Map<string, string[][]> {
  const keys = new Map<string, string[][]>();
  for (const connection of connections) {
    for (const model of Object.values(connection.models)) {
      const unique = model.schema
        .indexes()
        .filter(([, options]) => (options as { unique?: boolean }).unique === true)
        .map(([fields]) => Object.keys(fields));
      keys.set(model.collection.collectionName, [['_id'], ...unique]);
    }
  }
  return keys;
}

/**
 * The recorded queries that are not by `_id` or a unique key: their filter is not exactly the fields of one of
 * the collection's unique indexes, each pinned to a value or a list of values. The development database uses an
 * index only for such a filter (`{ _id, removedAt: { $exists: false } }` scans there), so nothing else may be
 * on a hot path.
 */
export function unkeyedQueries(
  queries: readonly RecordedQuery[],
  uniqueKeys: Map<string, string[][]>,
): RecordedQuery[] {
  return queries.filter((query) => {
    const keys = uniqueKeys.get(query.collection) ?? [['_id']];
    const filterFields = Object.keys(query.filter);
    return !keys.some(
      (fields) =>
        fields.length === filterFields.length && fields.every((field) => pinned(query.filter[field])),
    );
  });
}

/** Per collection, the fields of every index declared on its models, in index order (`_id` always among them). */
export function indexesOf(connections: readonly Connection[]): Map<string, string[][]> {
  const indexes = new Map<string, string[][]>();
  for (const connection of connections) {
    for (const model of Object.values(connection.models)) {
      const declared = model.schema.indexes().map(([fields]) => Object.keys(fields));
      indexes.set(model.collection.collectionName, [['_id'], ...declared]);
    }
  }
  return indexes;
}

/**
 * The recorded queries that no declared index serves on MongoDB: their filter is not exactly the leading fields of
 * one of the collection's indexes (any order of them), each pinned to a value or a list of values. For paged staff
 * lists, which may use non-unique indexes (the development database scans these; `unkeyedQueries` is for hot paths).
 */
export function unindexedQueries(
  queries: readonly RecordedQuery[],
  indexes: Map<string, string[][]>,
): RecordedQuery[] {
  return queries.filter((query) => {
    const declared = indexes.get(query.collection) ?? [['_id']];
    const filterFields = Object.keys(query.filter);
    if (filterFields.length === 0 || !filterFields.every((field) => pinned(query.filter[field]))) return true;
    return !declared.some((fields) => {
      const leading = fields.slice(0, filterFields.length);
      return leading.length === filterFields.length && leading.every((field) => filterFields.includes(field));
    });
  });
}

/** A value, `{ $eq: value }` or `{ $in: [...] }`: one index lookup per value. */
function pinned(condition: unknown): boolean {
  if (condition === undefined) return false;
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return true;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((operator) => operator.startsWith('$'))) return true;
  return operators.some((operator) => operator === '$eq' || operator === '$in');
}

function firstMatch(pipeline: unknown): Record<string, unknown> {
  const first = Array.isArray(pipeline) ? (pipeline[0] as { $match?: Record<string, unknown> }) : undefined;
  return first?.$match ?? {};
}

function bulkFilters(operations: unknown): Record<string, unknown>[] {
  if (!Array.isArray(operations)) return [];
  return operations.flatMap((operation: Record<string, { filter?: Record<string, unknown> }>) =>
    Object.values(operation).flatMap((body) => (body?.filter ? [body.filter] : [])),
  );
}
