/**
 * Thrown by a handler when retrying cannot help (the event contradicts what we know): the message goes
 * to the dead-letter topic at once instead of after the retries.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}
