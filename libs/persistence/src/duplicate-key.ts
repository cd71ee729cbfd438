/** True for a unique-index violation on insert. We look at `code` only, which MongoDB and the stand-in both send. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * For an unordered insertMany or bulkWrite that failed only because some documents exist already: the indexes of
 * those documents. Undefined when anything else went wrong, so the caller throws.
 *
 * The driver reports a batch that never reached the database (a connection reset, a server-selection timeout, a
 * write-concern error) as a `MongoBulkWriteError` too, with an empty `writeErrors`: that is no duplicate, and taking
 * it for "all inserted" lost acknowledged-looking writes whenever the database went away mid-write (the chaos check
 * found credentials, releases and processed markers missing while Kafka offsets had moved on).
 */
export function duplicateIndexesOf(error: unknown): number[] | undefined {
  const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] } | null)?.writeErrors;
  if (!writeErrors) return isDuplicateKeyError(error) ? [] : undefined;
  if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== 11000))
    return undefined;
  return writeErrors.map((writeError) => writeError.index);
}
