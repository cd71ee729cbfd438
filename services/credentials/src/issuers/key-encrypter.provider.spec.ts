import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeyEncrypter } from './key-encrypter.provider';

describe('loadKeyEncrypter', () => {
  it('uses the configured key-encryption key and id, and makes no development key', () => {
    const devSecretsDir = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'dev');
    const key = randomBytes(32);
    const encrypter = loadKeyEncrypter({ kek: { key, id: 'kek-3' }, devSecretsDir });
    const secret = encrypter.encrypt('signing key');
    expect(secret.kekId).toBe('kek-3');
    expect(loadKeyEncrypter({ kek: { key, id: 'kek-3' }, devSecretsDir }).decrypt(secret)).toBe(
      'signing key',
    );
    expect(existsSync(devSecretsDir)).toBe(false);
  });

  it('makes a development key once when none is configured, and uses it again after a restart', () => {
    const devSecretsDir = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'dev');
    const secret = loadKeyEncrypter({ devSecretsDir }).encrypt('signing key');
    expect(secret.kekId).toBe('development');
    expect(existsSync(join(devSecretsDir, 'credentials-kek'))).toBe(true);
    expect(loadKeyEncrypter({ devSecretsDir }).decrypt(secret)).toBe('signing key');
  });
});
