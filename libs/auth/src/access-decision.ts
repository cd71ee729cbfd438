import type { AccessRow } from './access-table';
import type { Actor, Role } from './roles';

export type AccessDecision =
  | { readonly kind: 'public' }
  | { readonly kind: 'unknown-route' }
  | { readonly kind: 'needs-token' }
  | { readonly kind: 'forbidden'; readonly roles: readonly Role[] }
  | { readonly kind: 'granted'; readonly actor: Actor };

/** Whether a route is open without a token, and whether it knows the route at all. */
export function beforeToken(rows: readonly AccessRow[]): AccessDecision {
  if (rows.length === 0) return { kind: 'unknown-route' };
  if (rows.some((row) => row.role === 'anonymous')) return { kind: 'public' };
  return { kind: 'needs-token' };
}

/**
 * What a verified caller may do on a route. The actor handed on keeps only the roles the route grants,
 * and its organisation only when one of them is a staff role: an `org` claim on a learner's token
 * never opens staff access, so services comparing the organisation compare role and organisation.
 */
export function forActor(rows: readonly AccessRow[], actor: Actor): AccessDecision {
  const granted = rows.filter((row) => row.role !== 'anonymous' && actor.roles.includes(row.role));
  const allowed = rows.map((row) => row.role).filter((role): role is Role => role !== 'anonymous');
  if (granted.length === 0) return { kind: 'forbidden', roles: allowed };
  const roles = granted.map((row) => row.role as Role);
  const staff = granted.some((row) => row.role !== 'learner');
  const { org, ...rest } = actor;
  return { kind: 'granted', actor: { ...rest, roles, ...(staff && org ? { org } : {}) } };
}
