import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Controller,
  ForbiddenException,
  Get,
  type ExecutionContext,
  UnauthorizedException,
} from '@nestjs/common';
import { InternalServerErrorException, Post } from '@nestjs/common';
import { AccessTokenGuard } from './access-token.guard';
import { accessTable } from './access-table';
import { DEV_AUDIENCE, DEV_ISSUER, DevIdentityProvider } from './dev-identity-provider';
import type { Actor, Role } from './roles';

@Controller('api/things')
class ThingsController {
  @Get() list(): void {}
  @Get(':id') get(): void {}
  @Post(':id/withdrawal') withdraw(): void {}
  @Post('unlisted') unlisted(): void {}
}

const table = accessTable('things', {
  'GET /api/things': { anonymous: 'any' },
  'GET /api/things/:id': { admin: 'any', registrar: 'own-organisation', learner: 'own-learner' },
  'POST /api/things/:id/withdrawal': { partner: 'own-organisation', learner: 'own-learner' },
});
const idp = new DevIdentityProvider(mkdtempSync(join(tmpdir(), 'idp-')));
const guard = new AccessTokenGuard(
  {
    keys: { file: idp.jwksFile },
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    maxLifetimeSeconds: 3600,
    clockSkewSeconds: 30,
  },
  table,
);

type Request = { headers: Record<string, string>; actor?: Actor };
function contextOf(handler: keyof ThingsController, request: Request): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => ThingsController,
    getHandler: () => ThingsController.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}
const as = (roles: Role[], org?: string): Request => ({
  headers: { authorization: `Bearer ${idp.mint({ sub: 'caller', roles, ...(org ? { org } : {}) })}` },
});
const outcome = (handler: keyof ThingsController, request: Request) =>
  guard.canActivate(contextOf(handler, request)).then(
    () => 'granted',
    (error: unknown) => (error as { constructor: { name: string } }).constructor.name,
  );

describe('AccessTokenGuard, reading the access table by route', () => {
  it.each<[string, keyof ThingsController, Request, string]>([
    ['opens a public route without a token', 'list', { headers: {} }, 'granted'],
    ['wants a token on a route with roles', 'get', { headers: {} }, UnauthorizedException.name],
    ['refuses a role without a row', 'withdraw', as(['assessor'], 'o-1'), ForbiddenException.name],
    ['grants a role with a row', 'withdraw', as(['partner'], 'o-1'), 'granted'],
    [
      'refuses a route the table lacks, whoever calls',
      'unlisted',
      as(['admin']),
      InternalServerErrorException.name,
    ],
  ])('%s', async (_case, handler, request, expected) => {
    expect(await outcome(handler, request)).toBe(expected);
  });

  it('hands on only the granted roles, and the organisation only with a staff role', async () => {
    const learnerWithOrg = as(['learner', 'assessor'], 'o-1');
    await guard.canActivate(contextOf('get', learnerWithOrg));
    expect(learnerWithOrg.actor).toEqual({ sub: 'caller', roles: ['learner'] });
    const registrar = as(['registrar', 'assessor'], 'o-1');
    await guard.canActivate(contextOf('get', registrar));
    expect(registrar.actor).toEqual({ sub: 'caller', roles: ['registrar'], org: 'o-1' });
  });
});
