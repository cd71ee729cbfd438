/** True for a unique-index violation on insert. We look at `code` only, which MongoDB and the stand-in both send. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * For an unordered insertMany that failed only because some documents exist already: the indexes of those
 * documents. Undefined when anything else went wrong, so the caller throws.
 */
export function duplicateIndexesOf(error: unknown): number[] | undefined {
  const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] } | null)?.writeErrors;
  if (!writeErrors) return isDuplicateKeyError(error) ? [] : undefined;
  if (writeErrors.some((writeError) => writeError.code !== 11000)) return undefined;
  return writeErrors.map((writeError) => writeError.index);
}
