/** A class's public surface: what a hand-written fake must offer to stand in for it. */
export type PublicOf<T> = { [K in keyof T]: T[K] };

/**
 * Lets a fake that offers the whole public surface of a class be passed where the class is expected; the class is
 * the one the receiving parameter asks for, and the fake is checked against it.
 */
export function asReal<T>(fake: PublicOf<NoInfer<T>>): T {
  return fake;
}
