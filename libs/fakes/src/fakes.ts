/** The public surface of a class: what a hand-written in-memory fake offers in its place in a unit spec. */
export type PublicOf<T> = { [K in keyof T]: T[K] };

/**
 * Hands a fake to a constructor that asks for the real class (whose private fields a fake cannot have); name the
 * class: `asReal<ResultsRepository>(fake)`. A fake may leave out methods the code under test never calls: calling
 * one fails the spec at once.
 */
export function asReal<T>(fake: Partial<PublicOf<NoInfer<T>>>): T {
  return fake as T;
}

/** A unique-key refusal as the database gives it: false, and nothing stored. Clashing means the same `_id` unless said. */
export function insertUnique<T>(store: T[], record: T, clashes: (a: T, b: T) => boolean = sameId): boolean {
  if (store.some((existing) => clashes(existing, record))) return false;
  store.push(record);
  return true;
}

function sameId(a: unknown, b: unknown): boolean {
  return (a as { _id?: unknown })._id === (b as { _id?: unknown })._id;
}
