/** The roles an access token can carry. */
export const ROLES = ['admin', 'registrar', 'partner', 'assessor', 'learner'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the claims of a verified access token. */
export interface Actor {
  /** The identity provider's subject; for a learner it is their learner id. */
  readonly sub: string;
  readonly roles: readonly Role[];
  /** The organisation the caller acts for; absent for learners and platform admins. */
  readonly org?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
