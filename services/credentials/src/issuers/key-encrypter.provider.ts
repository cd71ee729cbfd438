import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialsSettings } from '../credentials-settings';
import { type KeyEncrypter, LocalKeyEncrypter } from './key-encryption';

export const KEY_ENCRYPTER = Symbol('KEY_ENCRYPTER');

/**
 * The configured key-encryption key (the configuration requires one in production), and the previous one while a
 * rotation is under way. Elsewhere, without one, a development key is made once in the development secrets folder
 * (`.run/dev-secrets/` by default, git-ignored).
 */
export function loadKeyEncrypter(
  settings: Pick<CredentialsSettings, 'kek' | 'previousKek' | 'devSecretsDir'>,
): KeyEncrypter {
  const previous = settings.previousKek ? [settings.previousKek] : [];
  if (settings.kek) return new LocalKeyEncrypter(settings.kek.key, settings.kek.id, previous);
  const file = join(settings.devSecretsDir, 'credentials-kek');
  if (!existsSync(file)) {
    mkdirSync(settings.devSecretsDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return new LocalKeyEncrypter(Buffer.from(readFileSync(file, 'utf8'), 'base64'), 'development', previous);
}
