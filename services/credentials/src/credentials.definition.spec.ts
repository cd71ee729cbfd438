import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTHING_ALLOWED, parseAllowList } from '@lib/vc';
import { credentialsService, loadCredentialsEnvironment } from './credentials.definition';

const devIdp = { DEV_IDP_DIR: mkdtempSync(join(tmpdir(), 'idp-')) };
const production = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://login.example.ac.uk/.well-known/jwks.json',
  AUTH_ISSUER: 'https://login.example.ac.uk',
};
const kek = randomBytes(32).toString('base64');

describe('credentials configuration', () => {
  it('gives the README defaults when nothing is set', () => {
    const { config, settings } = loadCredentialsEnvironment(devIdp);
    expect(config).toMatchObject({ service: 'credentials', port: 3003 });
    expect(settings).toEqual({
      verifyRateLimit: 600,
      devSecretsDir: join(process.cwd(), '.run', 'dev-secrets'),
      outboundAllow: NOTHING_ALLOWED,
    });
  });

  it('reads the rate limit, the key-encryption key with its id and the secrets folder when they are set', () => {
    const { settings } = loadCredentialsEnvironment({
      ...devIdp,
      VERIFY_RATE_LIMIT: '0',
      CREDENTIALS_KEK: kek,
      CREDENTIALS_KEK_ID: 'kek-7',
      DEV_SECRETS_DIR: '/var/secrets',
      OUTBOUND_FETCH_ALLOW: '127.0.0.1:4000, fd00::/8',
    });
    expect(settings).toEqual({
      verifyRateLimit: 0,
      kek: { key: Buffer.from(kek, 'base64'), id: 'kek-7' },
      devSecretsDir: '/var/secrets',
      outboundAllow: parseAllowList('127.0.0.1:4000, fd00::/8').list,
    });
    expect(settings.outboundAllow.hostPorts).toHaveLength(1);
    expect(settings.outboundAllow.ranges).toHaveLength(1);
  });

  it('names the key-encryption key kek-1 when no id is given', () => {
    expect(loadCredentialsEnvironment({ ...devIdp, CREDENTIALS_KEK: kek }).settings.kek?.id).toBe('kek-1');
  });

  it.each([
    ['VERIFY_RATE_LIMIT is not a number', { VERIFY_RATE_LIMIT: 'lots' }, 'VERIFY_RATE_LIMIT'],
    ['VERIFY_RATE_LIMIT is negative', { VERIFY_RATE_LIMIT: '-1' }, 'VERIFY_RATE_LIMIT'],
    ['VERIFY_RATE_LIMIT is a fraction', { VERIFY_RATE_LIMIT: '2.5' }, 'VERIFY_RATE_LIMIT'],
    [
      'CREDENTIALS_KEK is 16 bytes',
      { CREDENTIALS_KEK: randomBytes(16).toString('base64') },
      'CREDENTIALS_KEK: must be base64 of exactly 32 bytes',
    ],
    ['CREDENTIALS_KEK is not base64', { CREDENTIALS_KEK: 'swordfish' }, 'CREDENTIALS_KEK: must be base64'],
    [
      'OUTBOUND_FETCH_ALLOW has an entry without a port',
      { OUTBOUND_FETCH_ALLOW: '127.0.0.1:4000,localhost' },
      'OUTBOUND_FETCH_ALLOW: "localhost" is not host:port',
    ],
  ])('stops the service naming the variable when %s', (_case, env, named) => {
    const start = () => credentialsService({ ...devIdp, ...env });
    expect(start).toThrow('credentials: invalid configuration: ');
    expect(start).toThrow(named);
  });

  it('never repeats a refused key-encryption key in its message', () => {
    const refused = randomBytes(16).toString('base64');
    expect(() => loadCredentialsEnvironment({ ...devIdp, CREDENTIALS_KEK: refused })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(refused) as unknown }),
    );
  });

  it('requires the key-encryption key in production, and starts with one', () => {
    expect(() => credentialsService(production)).toThrow(
      'credentials: invalid configuration: CREDENTIALS_KEK: required in production',
    );
    expect(loadCredentialsEnvironment({ ...production, CREDENTIALS_KEK: kek }).settings.kek?.id).toBe(
      'kek-1',
    );
  });
});
