import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './roles';

export const IS_PUBLIC = 'credit-bridge:public';
export const REQUIRED_ROLES = 'credit-bridge:roles';

/** Open without a token: health, verification, public pages. The service's access table decides; a spec keeps both in step. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The roles a route is for, as documentation: the service's access table decides, and a spec keeps both in step. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of the request. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
