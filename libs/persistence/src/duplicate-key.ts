/**
 * True for a unique-index violation on insert. We look at `code` only: FerretDB v1 sends no
 * `keyValue`/`keyPattern`, and an update that violates an index gives a generic error there.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
