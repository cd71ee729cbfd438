/** The public face of a class: what a hand-written fake has to offer in its place. */
export type PublicPart<T> = { [K in keyof T]: T[K] };

/**
 * Hands a fake to a constructor that asks for the real class (whose private fields a fake cannot have). A fake
 * may leave out methods the code under test never calls: calling one fails the spec at once.
 */
export function asReal<T>(fake: Partial<PublicPart<T>>): T {
  return fake as T;
}

/** A duplicate-key refusal as the database gives it: false, and nothing stored. */
export function insertUnique<T extends { _id: string }>(store: T[], record: T): boolean {
  if (store.some((existing) => existing._id === record._id)) return false;
  store.push(record);
  return true;
}
