import { PermanentEventError, TransientEventError } from './errors';
import { unavailableDependency } from './unavailable';

/**
 * How a failure of an event handler is treated:
 * - `permanent`: retrying cannot help (the handler said so); dead-lettered at once.
 * - `transient`: a dependency is away or a race was lost (the database or Kafka unreachable or timing out, a
 *   duplicate key that the next attempt reads as done); retried for as long as it lasts, never dead-lettered.
 * - `unknown`: anything else; retried a bounded number of times, long enough to ride out a restart of any dependency.
 */
export type FailureClass = 'permanent' | 'transient' | 'unknown';

/** MongoDB's duplicate key: a handler raced another writer of the same unique key. */
const DUPLICATE_KEY = 11000;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  retriable?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** The class of a failure, looking through `cause` chains (KafkaJS keeps what it wraps in `originalError`). */
export function failureClassOf(error: unknown): FailureClass {
  const chain = causeChain(error);
  if (chain.some((link) => link instanceof PermanentEventError)) return 'permanent';
  if (unavailableDependency(error)) return 'transient';
  const transient = (link: ErrorLike) =>
    link instanceof TransientEventError || lostARace(link) || retriableKafkaError(link);
  return chain.some(transient) ? 'transient' : 'unknown';
}

/** The error and what caused it, outermost first, at most five deep. */
function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let link = error; isObject(link) && chain.length < 5; link = link.cause ?? link.originalError)
    chain.push(link);
  return chain;
}

function lostARace(error: ErrorLike): boolean {
  return error.code === DUPLICATE_KEY;
}

/** KafkaJS marks the errors a retry can pass (a rebalance, a leader moving). */
function retriableKafkaError(error: ErrorLike): boolean {
  return typeof error.name === 'string' && error.name.startsWith('KafkaJS') && error.retriable === true;
}

function isObject(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}
