import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidTokenError, verifyAccessToken } from './access-token';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import type { AuthSettings } from './auth-settings';
import { KeySet } from './key-set';
import { type Actor, hasRole, type Role } from './roles';

/** Every route needs a valid bearer token unless marked `@Public()`, and one of its `@Roles()` when it names any. */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  private readonly keys: KeySet;

  constructor(
    private readonly reflector: Reflector,
    private readonly settings: AuthSettings,
  ) {
    this.keys = new KeySet(settings.keys);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException(
        'Sign in first: send an access token as "Authorization: Bearer <token>".',
      );
    }
    try {
      request.actor = await verifyAccessToken(token, this.keys, this.settings);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException(`The access token was refused: ${error.message}.`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasRole(request.actor, ...roles)) {
      throw new ForbiddenException(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
