import { randomUUID } from 'node:crypto';
import { type AccessTable, type Role, rowsOf } from '@lib/auth';

type Headers = { authorization: string };

/** Who calls in the matrix: a role, the organisation side they stand on, and their token. */
export interface MatrixCaller {
  readonly name: string;
  /** `undefined`: no token at all. */
  readonly role?: Role;
  /** own: of the organisation (or the learner) the probe addresses; other: of another one. */
  readonly side: 'own' | 'other';
  readonly headers?: Headers;
}

/** How a probe addresses what it touches: a resource of organisation A, or the caller's own scope. */
export interface Probe {
  readonly path: () => string;
  readonly body?: () => unknown;
  readonly csv?: string;
  /** `caller`: a list or a create within the caller's own scope, so the other side is served too. */
  readonly scope?: 'resource' | 'caller';
  /** Which of A's staff roles stand on the resource's side (default: every staff role). */
  readonly owners?: readonly Role[];
  /** Probes the guard only (ids nobody holds): a granted caller just has to get past it. */
  readonly guardOnly?: boolean;
}

export type Expected = 'served' | 'refused' | 'needs-token' | 'forbidden' | 'passes-guard';

/** What the table says a caller gets from a probe of a route. */
export function expectedOf(table: AccessTable, route: string, probe: Probe, caller: MatrixCaller): Expected {
  const rows = rowsOf(table, route);
  if (rows.some((row) => row.role === 'anonymous')) return probe.guardOnly ? 'passes-guard' : 'served';
  if (!caller.role) return 'needs-token';
  const row = rows.find((candidate) => candidate.role === caller.role);
  if (!row) return 'forbidden';
  if (probe.guardOnly) return 'passes-guard';
  if (row.relation === 'any' || probe.scope === 'caller') return 'served';
  const owns =
    caller.role === 'learner' || (probe.owners ?? ['registrar', 'partner', 'assessor']).includes(caller.role);
  return caller.side === 'own' && owns ? 'served' : 'refused';
}

/** Whether an answer's status is what was expected: refused means 403 or 404; served no 401, 403, 404 or 5xx. */
export function answers(expected: Expected, status: number): boolean {
  switch (expected) {
    case 'needs-token':
      return status === 401;
    case 'forbidden':
      return status === 403;
    case 'refused':
      return status === 403 || status === 404;
    case 'passes-guard':
      // 500 would be the guard refusing a route its table lacks; 503 is a readiness answer, not access.
      return ![401, 403, 500].includes(status);
    case 'served':
      return ![401, 403, 404].includes(status) && status < 500;
  }
}

/** A probe that only crosses the guard: parameters filled with ids nobody holds. */
export function guardProbe(route: string): Probe {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern
    .replace(':credentialId', `urn:uuid:${randomUUID()}`)
    .replace(/:[A-Za-z]+/g, () => randomUUID());
  return { path: () => path, ...(method === 'GET' ? {} : { body: () => ({}) }), guardOnly: true };
}
