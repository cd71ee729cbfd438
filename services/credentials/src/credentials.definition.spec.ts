import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const defaultUploads = {
  pdfMaxBytes: 1024 * 1024,
  pdfTimeLimitMs: 500,
  batchTimeLimitMs: 3000,
  workers: 2,
  queueLimit: 16,
  memoryLimitMb: 256,
};

describe('credentials configuration', () => {
  it('gives the README defaults when nothing is set', () => {
    const { config, settings } = loadCredentialsEnvironment(devIdp);
    expect(config).toMatchObject({ service: 'credentials', port: 3003 });
    expect(settings).toEqual({
      verifyRateLimit: 600,
      bundleMaxAgeMs: 30 * 86_400_000,
      uploads: defaultUploads,
      devSecretsDir: join(process.cwd(), '.run', 'dev-secrets'),
      outboundAllow: NOTHING_ALLOWED,
      walletOfferSeconds: 900,
    });
  });

  it('reads the rate limit, the key-encryption key with its id, the secrets folder and the wallet offers’ lifetime when they are set', () => {
    const { settings } = loadCredentialsEnvironment({
      ...devIdp,
      VERIFY_RATE_LIMIT: '0',
      CREDENTIALS_KEK: kek,
      CREDENTIALS_KEK_ID: 'kek-7',
      DEV_SECRETS_DIR: '/var/secrets',
      OUTBOUND_FETCH_ALLOW: '127.0.0.1:4000, fd00::/8',
      WALLET_OFFER_SECONDS: '60',
    });
    expect(settings).toEqual({
      verifyRateLimit: 0,
      bundleMaxAgeMs: 30 * 86_400_000,
      uploads: defaultUploads,
      kek: { key: Buffer.from(kek, 'base64'), id: 'kek-7' },
      devSecretsDir: '/var/secrets',
      outboundAllow: parseAllowList('127.0.0.1:4000, fd00::/8').list,
      walletOfferSeconds: 60,
    });
    expect(settings.outboundAllow.hostPorts).toHaveLength(1);
    expect(settings.outboundAllow.ranges).toHaveLength(1);
  });

  it('reads the certificate authorities outbound fetches trust besides the system’s, from a PEM file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n');
    const { settings } = loadCredentialsEnvironment({ ...devIdp, OUTBOUND_FETCH_CA_FILE: file });
    expect(settings.outboundExtraCas).toEqual([readFileSync(file, 'utf8')]);
    expect(() =>
      loadCredentialsEnvironment({ ...devIdp, OUTBOUND_FETCH_CA_FILE: `${file}.missing` }),
    ).toThrow(/OUTBOUND_FETCH_CA_FILE: cannot be read/);
  });

  it('reads the limits on reading uploads when they are set', () => {
    const { settings } = loadCredentialsEnvironment({
      ...devIdp,
      VERIFY_PDF_MAX_BYTES: '2097152',
      VERIFY_PDF_TIME_LIMIT_MS: '800',
      VERIFY_BATCH_TIME_LIMIT_MS: '5000',
      UPLOAD_WORKERS: '4',
      UPLOAD_QUEUE_LIMIT: '0',
      UPLOAD_MEMORY_LIMIT_MB: '512',
    });
    expect(settings.uploads).toEqual({
      pdfMaxBytes: 2097152,
      pdfTimeLimitMs: 800,
      batchTimeLimitMs: 5000,
      workers: 4,
      queueLimit: 0,
      memoryLimitMb: 512,
    });
  });

  it('reads the previous key-encryption key kept during a rotation', () => {
    const previous = randomBytes(32).toString('base64');
    const { settings } = loadCredentialsEnvironment({
      ...devIdp,
      CREDENTIALS_KEK: kek,
      CREDENTIALS_KEK_ID: 'kek-2',
      CREDENTIALS_KEK_PREVIOUS: previous,
      CREDENTIALS_KEK_PREVIOUS_ID: 'kek-1',
    });
    expect(settings.kek).toEqual({ key: Buffer.from(kek, 'base64'), id: 'kek-2' });
    expect(settings.previousKek).toEqual({ key: Buffer.from(previous, 'base64'), id: 'kek-1' });
  });

  it('names the key-encryption key kek-1 when no id is given', () => {
    expect(loadCredentialsEnvironment({ ...devIdp, CREDENTIALS_KEK: kek }).settings.kek?.id).toBe('kek-1');
  });

  it.each([
    ['VERIFY_RATE_LIMIT is not a number', { VERIFY_RATE_LIMIT: 'lots' }, 'VERIFY_RATE_LIMIT'],
    ['VERIFY_RATE_LIMIT is negative', { VERIFY_RATE_LIMIT: '-1' }, 'VERIFY_RATE_LIMIT'],
    ['VERIFY_RATE_LIMIT is a fraction', { VERIFY_RATE_LIMIT: '2.5' }, 'VERIFY_RATE_LIMIT'],
    ['WALLET_OFFER_SECONDS is 0', { WALLET_OFFER_SECONDS: '0' }, 'WALLET_OFFER_SECONDS'],
    ['VERIFY_PDF_MAX_BYTES is under 1 KB', { VERIFY_PDF_MAX_BYTES: '100' }, 'VERIFY_PDF_MAX_BYTES'],
    ['VERIFY_PDF_MAX_BYTES is over 10 MB', { VERIFY_PDF_MAX_BYTES: '20000000' }, 'VERIFY_PDF_MAX_BYTES'],
    [
      'VERIFY_PDF_TIME_LIMIT_MS is not a number',
      { VERIFY_PDF_TIME_LIMIT_MS: 'soon' },
      'VERIFY_PDF_TIME_LIMIT_MS',
    ],
    ['VERIFY_BATCH_TIME_LIMIT_MS is 0', { VERIFY_BATCH_TIME_LIMIT_MS: '0' }, 'VERIFY_BATCH_TIME_LIMIT_MS'],
    ['UPLOAD_WORKERS is 0', { UPLOAD_WORKERS: '0' }, 'UPLOAD_WORKERS'],
    ['UPLOAD_QUEUE_LIMIT is negative', { UPLOAD_QUEUE_LIMIT: '-1' }, 'UPLOAD_QUEUE_LIMIT'],
    ['UPLOAD_MEMORY_LIMIT_MB is under 64', { UPLOAD_MEMORY_LIMIT_MB: '16' }, 'UPLOAD_MEMORY_LIMIT_MB'],
    [
      'CREDENTIALS_KEK is 16 bytes',
      { CREDENTIALS_KEK: randomBytes(16).toString('base64') },
      'CREDENTIALS_KEK: must be base64 of exactly 32 bytes',
    ],
    ['CREDENTIALS_KEK is not base64', { CREDENTIALS_KEK: 'swordfish' }, 'CREDENTIALS_KEK: must be base64'],
    [
      'CREDENTIALS_KEK_PREVIOUS comes without its id',
      { CREDENTIALS_KEK: kek, CREDENTIALS_KEK_PREVIOUS: randomBytes(32).toString('base64') },
      'CREDENTIALS_KEK_PREVIOUS_ID: CREDENTIALS_KEK_PREVIOUS and its id are given together or not at all',
    ],
    [
      'CREDENTIALS_KEK_PREVIOUS has the current key’s id',
      {
        CREDENTIALS_KEK: kek,
        CREDENTIALS_KEK_PREVIOUS: randomBytes(32).toString('base64'),
        CREDENTIALS_KEK_PREVIOUS_ID: 'kek-1',
      },
      'CREDENTIALS_KEK_PREVIOUS_ID: must differ from the current key-encryption key',
    ],
    [
      'CREDENTIALS_KEK_PREVIOUS is 16 bytes',
      { CREDENTIALS_KEK_PREVIOUS: randomBytes(16).toString('base64'), CREDENTIALS_KEK_PREVIOUS_ID: 'kek-0' },
      'CREDENTIALS_KEK_PREVIOUS: must be base64 of exactly 32 bytes',
    ],
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
