import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ServiceConfig } from '@lib/platform';
import { type KeyEncrypter, LocalKeyEncrypter } from './key-encryption';

export const KEY_ENCRYPTER = Symbol('KEY_ENCRYPTER');

/**
 * The key-encryption key: `CREDENTIALS_KEK` (base64 of 32 random bytes) with its id `CREDENTIALS_KEK_ID`; required in
 * production. Elsewhere, without one, a development key is made once in `.run/dev-secrets/` (git-ignored).
 */
export function loadKeyEncrypter(
  config: Pick<ServiceConfig, 'environment'>,
  env: NodeJS.ProcessEnv = process.env,
): KeyEncrypter {
  const given = env.CREDENTIALS_KEK;
  if (given) {
    const key = Buffer.from(given, 'base64');
    if (key.length !== 32)
      throw new ConfigError('credentials', ['CREDENTIALS_KEK: must be base64 of exactly 32 bytes']);
    return new LocalKeyEncrypter(key, env.CREDENTIALS_KEK_ID ?? 'kek-1');
  }
  if (config.environment === 'production')
    throw new ConfigError('credentials', ['CREDENTIALS_KEK: required in production']);
  const directory = env.DEV_SECRETS_DIR ?? join(process.cwd(), '.run', 'dev-secrets');
  const file = join(directory, 'credentials-kek');
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return new LocalKeyEncrypter(Buffer.from(readFileSync(file, 'utf8'), 'base64'), 'development');
}
