/** A dependency that a request or a handler could not reach. */
export type UnavailableDependency = 'database' | 'kafka';

/**
 * Names the dependency an error says is out of reach (stopped, restarting, unreachable, timing out), or gives
 * `undefined` for any other error. Such errors pass once the dependency is back, so callers answer 503 or retry.
 *
 * Pure: it reads the error names, labels and codes the MongoDB driver, mongoose and KafkaJS set, and imports
 * none of them. Causes are followed, as KafkaJS wraps the last connection error in one that counts retries.
 */
export function unavailableDependency(error: unknown): UnavailableDependency | undefined {
  for (
    let depth = 0, current = error;
    depth < 5 && isObject(current);
    depth++, current = current.cause ?? current.originalError
  ) {
    if (isDatabaseUnavailable(current)) return 'database';
    if (isKafkaUnavailable(current)) return 'kafka';
    if (typeof current.code === 'string' && SOCKET_CODES.has(current.code)) return 'database';
  }
  return undefined;
}

/**
 * Node's socket errors (refused, reset, no answer) as the database driver can surface them bare; KafkaJS always
 * wraps its own in a KafkaJS error, found first.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/** The driver's errors for a server it cannot reach or a client that is closing (mongoose's own included). */
const DATABASE_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoPoolClosedError',
  'MongoWaitQueueTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'MongoNotConnectedError',
  'MongoOperationTimeoutError',
]);

/** Labels the driver puts on errors that a later attempt may pass. */
const DATABASE_RETRY_LABELS = ['ResetPool', 'PoolRequstedRetry', 'RetryableWriteError'];

/**
 * Server codes of a node that is shutting down, stepping down or unreachable: the driver's retryable read codes
 * (HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, ReadConcernMajorityNotAvailableYet,
 * PrimarySteppedDown, ExceededTimeLimit, SocketException, NotWritablePrimary, InterruptedAtShutdown,
 * InterruptedDueToReplStateChange, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary).
 */
const DATABASE_UNAVAILABLE_CODES = new Set([
  6, 7, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
]);

function isDatabaseUnavailable(error: ErrorLike): boolean {
  const name = typeof error.name === 'string' ? error.name : '';
  if (DATABASE_ERROR_NAMES.has(name)) return true;
  if (!name.startsWith('Mongo')) return false;
  if (typeof error.code === 'number' && DATABASE_UNAVAILABLE_CODES.has(error.code)) return true;
  const labels = Array.isArray(error.errorLabels) ? (error.errorLabels as unknown[]) : [];
  if (DATABASE_RETRY_LABELS.some((label) => labels.includes(label))) return true;
  if (name === 'MongoBulkWriteError' && bulkWriteNeverSent(error)) return true;
  // Mongoose queues commands while disconnected and gives up with a plain MongooseError: its text is the only sign.
  return name === 'MongooseError' && /buffering timed out after/.test(String(error.message));
}

/**
 * A bulk write (insertMany, bulkWrite) whose batch never reached the server: the driver wraps the network or
 * server-selection error in a `MongoBulkWriteError` without write errors, keeping the wrapped error's fields but not
 * the error (mongodb's `bulk/common.js`): `beforeHandshake` is a network error's, `reason` (the topology) a server
 * selection's.
 */
function bulkWriteNeverSent(error: ErrorLike): boolean {
  const noWriteErrors = Array.isArray(error.writeErrors) && error.writeErrors.length === 0;
  return noWriteErrors && ('beforeHandshake' in error || 'reason' in error);
}

/** KafkaJS's errors for a broker it cannot connect to or that does not answer in time. */
const KAFKA_ERROR_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
  'KafkaJSGroupCoordinatorNotFound',
]);

/** Protocol errors of a cluster that is starting, stopping or moving leaders. */
const KAFKA_UNAVAILABLE_TYPES = new Set([
  'BROKER_NOT_AVAILABLE',
  'LEADER_NOT_AVAILABLE',
  'PREFERRED_LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'GROUP_LOAD_IN_PROGRESS',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'KAFKA_STORAGE_ERROR',
]);

function isKafkaUnavailable(error: ErrorLike): boolean {
  if (typeof error.name !== 'string') return false;
  if (KAFKA_ERROR_NAMES.has(error.name)) return true;
  return (
    error.name === 'KafkaJSProtocolError' &&
    typeof error.type === 'string' &&
    KAFKA_UNAVAILABLE_TYPES.has(error.type)
  );
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  type?: unknown;
  errorLabels?: unknown;
  writeErrors?: unknown;
  cause?: unknown;
  /** Where KafkaJS keeps the error it wraps. */
  originalError?: unknown;
}

function isObject(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}
