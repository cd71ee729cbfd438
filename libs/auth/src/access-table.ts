import type { Role } from './roles';

/**
 * How a caller of a role relates to what a route touches:
 * - `any`: every holder of the role (for `anonymous`: everyone, no token needed);
 * - `own-organisation`: staff of an organisation the resource belongs to (the service compares the
 *   token's organisation, which the guard keeps only for staff roles the route grants);
 * - `own-learner`: the learner the resource belongs to (the service compares the token's `sub`).
 */
export type Relation = 'any' | 'own-organisation' | 'own-learner';

/** Who may call: a role of the token, or `anonymous` for a route open without a token. */
export type Caller = Role | 'anonymous';

/** One row of an access table: this caller may call this route when this relation holds. */
export interface AccessRow {
  /** `METHOD /path/:param`, exactly as the Nest route is declared. */
  readonly route: string;
  readonly role: Caller;
  readonly relation: Relation;
}

/** A service's whole access table; a role without a row for a route is refused (403). */
export interface AccessTable {
  readonly service: string;
  readonly rows: readonly AccessRow[];
}

/** Rows written route by route: `{ 'GET /api/x/:id': { registrar: 'own-organisation' } }`. */
export type AccessTableSource = Readonly<Record<string, Partial<Record<Caller, Relation>>>>;

/** Flattens a table written route by route into its rows, refusing a route that lets nobody in. */
export function accessTable(service: string, source: AccessTableSource): AccessTable {
  const rows = Object.entries(source).flatMap(([route, callers]) => {
    const entries = Object.entries(callers) as [Caller, Relation][];
    if (entries.length === 0) throw new Error(`access table ${service}: ${route} lets nobody in`);
    if (callers.anonymous && entries.length > 1)
      throw new Error(`access table ${service}: ${route} is public, so it names no roles`);
    return entries.map(([role, relation]) => ({ route, role, relation }));
  });
  return { service, rows };
}

/** The rows of one route, or none when the table does not know it. */
export function rowsOf(table: AccessTable, route: string): AccessRow[] {
  return table.rows.filter((row) => row.route === route);
}

/** The routes a table names, each once. */
export function routesOf(table: AccessTable): string[] {
  return [...new Set(table.rows.map((row) => row.route))];
}

/** The routes every service serves without a token: liveness and readiness. */
export const HEALTH_ROUTES: AccessTableSource = {
  'GET /health': { anonymous: 'any' },
  'GET /ready': { anonymous: 'any' },
};
