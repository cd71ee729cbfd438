/** Reading credentials that may leave things out or shape them loosely (JSON-LD allows one value or a list). */
export type JsonObject = Record<string, unknown>;

/** The value as an object, or an empty one. */
export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** A list as it is, one value as a list of one, nothing as an empty list. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A non-empty string, or undefined. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
