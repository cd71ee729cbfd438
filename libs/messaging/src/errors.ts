/**
 * Thrown by a handler when retrying cannot help (the event contradicts what we know): the message goes
 * to the dead-letter topic at once instead of after the retries.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/**
 * Thrown by a handler when the event cannot be handled yet but will be (a dependency it calls is away): retried for
 * as long as it takes, never dead-lettered. Errors of the database driver and KafkaJS are recognised without it.
 */
export class TransientEventError extends Error {
  override readonly name = 'TransientEventError';
}
