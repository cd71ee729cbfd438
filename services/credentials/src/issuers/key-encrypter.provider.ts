import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialsSettings } from '../credentials-settings';
import { type KeyEncrypter, LocalKeyEncrypter } from './key-encryption';

export const KEY_ENCRYPTER = Symbol('KEY_ENCRYPTER');

/**
 * The configured key-encryption key (the configuration requires one in production). Elsewhere, without one, a
 * development key is made once in the development secrets folder (`.run/dev-secrets/` by default, git-ignored).
 */
export function loadKeyEncrypter(settings: Pick<CredentialsSettings, 'kek' | 'devSecretsDir'>): KeyEncrypter {
  if (settings.kek) return new LocalKeyEncrypter(settings.kek.key, settings.kek.id);
  const file = join(settings.devSecretsDir, 'credentials-kek');
  if (!existsSync(file)) {
    mkdirSync(settings.devSecretsDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return new LocalKeyEncrypter(Buffer.from(readFileSync(file, 'utf8'), 'base64'), 'development');
}
