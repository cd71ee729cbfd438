import { type AccessTable, IS_PUBLIC, REQUIRED_ROLES, type Role, routeKeysOf, routesOf } from '@lib/auth';
import { controllersOf, routesOfModule, type ServiceConfig } from '@lib/platform';
import type { DynamicModule, Type } from '@nestjs/common';
import { ASSESSMENT_ACCESS } from './assessment/src/assessment.access';
import { AppModule as AssessmentApp } from './assessment/src/app.module';
import { CREDENTIALS_ACCESS } from './credentials/src/credentials.access';
import { AppModule as CredentialsApp } from './credentials/src/app.module';
import { ENROLMENT_ACCESS } from './enrolment/src/enrolment.access';
import { AppModule as EnrolmentApp } from './enrolment/src/app.module';
import { RECOGNITION_ACCESS } from './recognition/src/recognition.access';
import { AppModule as RecognitionApp } from './recognition/src/app.module';

// Only the module tree is read, never started: a stand-in config is enough.
const config = { mongoUrl: 'mongodb://unused', auth: {} } as unknown as ServiceConfig;
const settings = {} as never;
const services: [AccessTable, DynamicModule][] = [
  [ENROLMENT_ACCESS, EnrolmentApp.register(config)],
  [ASSESSMENT_ACCESS, AssessmentApp.register(config)],
  [CREDENTIALS_ACCESS, CredentialsApp.register(config, settings)],
  [RECOGNITION_ACCESS, RecognitionApp.register(config, settings)],
];

/** Each route with the metadata its decorators still carry, to keep them and the table in step. */
function decorated(module: DynamicModule): { route: string; isPublic: boolean; roles?: Role[] }[] {
  return controllersOf(module).flatMap((controller: Type<unknown>) => {
    const prototype = controller.prototype as Record<string, (...args: never[]) => unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .flatMap((name) => {
        const handler = prototype[name]!;
        const meta = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        const isPublic = meta<boolean>(IS_PUBLIC) === true;
        const roles = meta<Role[]>(REQUIRED_ROLES);
        return routeKeysOf(controller, handler).map((route) => ({ route, isPublic, roles }));
      });
  });
}

describe.each(services.map(([table, module]) => [table.service, table, module] as const))(
  'the access table of %s',
  (service, table, module) => {
    it('has a row for every route the service serves, and no row for a route it does not', () => {
      console.log(`access table ${service}: ${table.rows.length} rows`);
      expect([...routesOf(table)].sort()).toEqual(routesOfModule(module));
    });

    it('agrees with the @Public() and @Roles() decorators the controllers still carry', () => {
      for (const { route, isPublic, roles } of decorated(module)) {
        const rows = table.rows.filter((row) => row.route === route);
        expect({ route, isPublic: rows.some((row) => row.role === 'anonymous') }).toEqual({
          route,
          isPublic,
        });
        if (roles)
          expect({ route, roles: rows.map((row) => row.role).sort() }).toEqual({
            route,
            roles: [...roles].sort(),
          });
      }
    });
  },
);
