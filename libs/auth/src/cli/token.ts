/**
 * Mints a development access token that services started by `make up` trust:
 *   npm run -s token -- --role registrar --org <organisation id> [--sub <subject>] [--role assessor ...]
 * For a learner, --sub is their learner id. Tokens last 8 hours. Development only.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DevIdentityProvider } from '../dev-identity-provider';
import { ROLES, type Role } from '../roles';

const { values } = parseArgs({
  options: { role: { type: 'string', multiple: true }, org: { type: 'string' }, sub: { type: 'string' } },
});
const roles = values.role ?? [];
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (roles.length === 0 || unknown.length > 0) {
  console.error(
    `token: give --role with one of ${ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}
const idp = new DevIdentityProvider(resolve(process.env.DEV_IDP_DIR ?? '.run/dev-idp'));
console.log(idp.mint({ roles: roles as Role[], org: values.org, sub: values.sub }));
