/**
 * Mints a development access token that services started by `make up` trust:
 *   npm run -s token -- --role registrar --org <organisation id> [--sub <subject>] [--role assessor ...]
 *     [--expires-in <seconds>]
 * For a learner, --sub is their learner id. Tokens last an hour unless --expires-in says less; the services refuse
 * tokens that live longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (default an hour). Development only.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DevIdentityProvider } from '../dev-identity-provider';
import { ROLES, type Role } from '../roles';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    sub: { type: 'string' },
    'expires-in': { type: 'string' },
  },
});
const roles = values.role ?? [];
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (roles.length === 0 || unknown.length > 0) {
  console.error(
    `token: give --role with one of ${ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}
const expiresIn = values['expires-in'] === undefined ? undefined : Number(values['expires-in']);
if (expiresIn !== undefined && !(Number.isInteger(expiresIn) && expiresIn > 0)) {
  console.error('token: --expires-in takes a whole number of seconds');
  process.exit(2);
}
const idp = new DevIdentityProvider(resolve(process.env.DEV_IDP_DIR ?? '.run/dev-idp'));
console.log(
  idp.mint({ roles: roles as Role[], org: values.org, sub: values.sub, expiresInSeconds: expiresIn }),
);
