import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  InternalServerErrorException,
  type Type,
  UnauthorizedException,
} from '@nestjs/common';
import { beforeToken, forActor } from './access-decision';
import { type AccessRow, type AccessTable, rowsOf } from './access-table';
import { InvalidTokenError, verifyAccessToken } from './access-token';
import type { AuthSettings } from './auth-settings';
import { KeySet } from './key-set';
import type { Actor } from './roles';
import { routeKeysOf } from './route-key';

type Handler = (...args: never[]) => unknown;
type Request = { headers: Record<string, string | undefined>; actor?: Actor };

/**
 * Enforces the service's access table: a route open to `anonymous` needs no token; any other needs a valid
 * bearer token and a role with a row for the route (403 otherwise). The actor handed to the handler keeps
 * only the granted roles, so the services' relation checks (organisation, learner) follow the table too.
 * A route missing from the table is refused: a spec keeps every route in it.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  private readonly keys: KeySet;
  private readonly routes = new WeakMap<object, AccessRow[]>();

  constructor(
    private readonly settings: AuthSettings,
    private readonly table: AccessTable,
  ) {
    this.keys = new KeySet(settings.keys);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rows = this.rowsFor(context.getClass(), context.getHandler() as Handler);
    const before = beforeToken(rows);
    if (before.kind === 'public') return true;
    if (before.kind === 'unknown-route')
      throw new InternalServerErrorException(`access table ${this.table.service} lacks this route`);
    const request = context.switchToHttp().getRequest<Request>();
    const decision = forActor(rows, await this.verify(request));
    if (decision.kind !== 'granted') {
      const roles = decision.kind === 'forbidden' ? decision.roles : [];
      throw new ForbiddenException(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    request.actor = decision.actor;
    return true;
  }

  private async verify(request: Request): Promise<Actor> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException(
        'Sign in first: send an access token as "Authorization: Bearer <token>".',
      );
    }
    try {
      return await verifyAccessToken(token, this.keys, this.settings);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException(`The access token was refused: ${error.message}.`);
      throw error;
    }
  }

  private rowsFor(controller: Type<unknown>, handler: Handler): AccessRow[] {
    const known = this.routes.get(handler);
    if (known) return known;
    const rows = routeKeysOf(controller, handler).flatMap((route) => rowsOf(this.table, route));
    this.routes.set(handler, rows);
    return rows;
  }
}
