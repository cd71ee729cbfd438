import { routeLabel } from '@lib/platform';
import type { Request } from 'express';
import { UPSTREAM_SERVICES } from './gateway-config';

/** What the gateway serves by prefix, through middleware rather than routes: each one route label. */
const PREFIXES = [
  ...UPSTREAM_SERVICES.map((service) => `/api/${service}`),
  '/.well-known',
  '/app/assets',
  '/app',
  '/assets',
];

/** The gateway's route label: the prefix a proxied or static path is under (`/api/credentials/*`), else the route. */
export function gatewayRouteLabel(request: Request): string {
  const path = request.originalUrl.split('?')[0] ?? '';
  const prefix = PREFIXES.find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
  return prefix ? `${prefix}/*` : routeLabel(request);
}
