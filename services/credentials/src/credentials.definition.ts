import { readFileSync } from 'node:fs';
import { LOGO_MAX_BYTES, LOGO_TYPES } from './branding/certificate-logo-reading';
import { join } from 'node:path';
import { TOPICS } from '@lib/contracts';
import {
  ConfigError,
  loadServiceEnvironment,
  type ServiceConfig,
  type ServiceDefinition,
} from '@lib/platform';
import { parseAllowList } from '@lib/vc';
import { z } from 'zod';
import { AppModule } from './app.module';
import type { CredentialsSettings } from './credentials-settings';
import { DEFAULT_PDF_MAX_BYTES } from './uploads/upload-limits';

export const SERVICE_NAME = 'credentials';
export const DEFAULT_PORT = 3003;

/** Credentials' own variables, validated with the common ones in one schema; see `.env.example`. */
/**
 * A verification request's JSON: up to a 1 MB learner record (CLR 2.0), or its offline bundle, which adds each held
 * credential's entry and the issuer's status lists (under 3 MB for the 200 credentials a record holds at most).
 */
export const VERIFY_JSON_LIMIT = '4mb';

const credentialsVariables = {
  VERIFY_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(0)
    .default(600)
    .describe('public verification requests per client a minute; 0 turns the limit off'),
  VERIFY_BUNDLE_MAX_AGE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(30)
    .describe('an offline bundle whose snapshot is older than this many days is verified with a warning'),
  VERIFY_PDF_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(DEFAULT_PDF_MAX_BYTES)
    .describe('the largest certificate PDF a verification accepts'),
  VERIFY_PDF_TIME_LIMIT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(10_000)
    .default(500)
    .describe('how long reading one PDF may take; past it the worker is ended and the answer is 422'),
  VERIFY_BATCH_TIME_LIMIT_MS: z.coerce
    .number()
    .int()
    // A handful of JWTs reads in well under a millisecond; the API documents spec uses 10 to reach the 422.
    .min(10)
    .max(30_000)
    .default(3000)
    .describe('how long reading one batch body or file may take'),
  UPLOAD_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(32)
    .default(2)
    .describe('worker threads reading uploads'),
  UPLOAD_QUEUE_LIMIT: z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(16)
    .describe('uploads that may wait for a worker; beyond it the answer is 503'),
  UPLOAD_MEMORY_LIMIT_MB: z.coerce
    .number()
    .int()
    .min(64)
    .max(4096)
    .default(256)
    .describe(
      "each worker's JavaScript heap: a last resort, well above what the limits above let a read use",
    ),
  CREDENTIALS_KEK: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional()
    .describe('the key-encryption key for signing keys at rest; required in production'),
  CREDENTIALS_KEK_ID: z.string().min(1).default('kek-1').describe('stored with each encrypted signing key'),
  CREDENTIALS_KEK_PREVIOUS: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional()
    .describe(
      'during a rotation, the key-encryption key before CREDENTIALS_KEK: it only decrypts, and keys stored under it are re-encrypted at start-up',
    ),
  CREDENTIALS_KEK_PREVIOUS_ID: z
    .string()
    .min(1)
    .optional()
    .describe("CREDENTIALS_KEK_PREVIOUS's id, as stored with the keys it encrypted"),
  DEV_SECRETS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('without CREDENTIALS_KEK, development keeps a generated one here'),
  OUTBOUND_FETCH_ALLOW: z
    .string()
    .default('')
    .transform((text, context) => {
      const { list, problems } = parseAllowList(text);
      for (const message of problems) context.addIssue({ code: 'custom', message });
      return list;
    })
    .describe('host:port entries and address ranges that fetches of users’ URLs may reach (development)'),
  OUTBOUND_FETCH_CA_FILE: z
    .string()
    .min(1)
    .optional()
    .transform((path, context) => {
      if (path === undefined) return undefined;
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        context.addIssue({ code: 'custom', message: `cannot be read (${(error as Error).message})` });
        return undefined;
      }
    })
    .describe(
      'a PEM file of certificate authorities that fetches of users’ https URLs trust besides the system’s (development and tests)',
    ),
  WALLET_OFFER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(900)
    .describe('how long a learner’s one-time offer of a credential to a wallet stays open'),
};

/** The common configuration and credentials' settings; a bad value stops the service, naming the variable. */
export function loadCredentialsEnvironment(env: NodeJS.ProcessEnv = process.env): {
  config: ServiceConfig;
  settings: CredentialsSettings;
} {
  const { config, own } = loadServiceEnvironment(SERVICE_NAME, DEFAULT_PORT, credentialsVariables, env);
  if (!own.CREDENTIALS_KEK && config.environment === 'production')
    throw new ConfigError(SERVICE_NAME, ['CREDENTIALS_KEK: required in production']);
  if (Boolean(own.CREDENTIALS_KEK_PREVIOUS) !== Boolean(own.CREDENTIALS_KEK_PREVIOUS_ID))
    throw new ConfigError(SERVICE_NAME, [
      'CREDENTIALS_KEK_PREVIOUS_ID: CREDENTIALS_KEK_PREVIOUS and its id are given together or not at all',
    ]);
  if (
    own.CREDENTIALS_KEK_PREVIOUS_ID &&
    own.CREDENTIALS_KEK_PREVIOUS_ID === (own.CREDENTIALS_KEK ? own.CREDENTIALS_KEK_ID : 'development')
  )
    throw new ConfigError(SERVICE_NAME, [
      "CREDENTIALS_KEK_PREVIOUS_ID: must differ from the current key-encryption key's id",
    ]);
  return {
    config,
    settings: {
      verifyRateLimit: own.VERIFY_RATE_LIMIT,
      bundleMaxAgeMs: own.VERIFY_BUNDLE_MAX_AGE_DAYS * 86_400_000,
      uploads: {
        pdfMaxBytes: own.VERIFY_PDF_MAX_BYTES,
        pdfTimeLimitMs: own.VERIFY_PDF_TIME_LIMIT_MS,
        batchTimeLimitMs: own.VERIFY_BATCH_TIME_LIMIT_MS,
        workers: own.UPLOAD_WORKERS,
        queueLimit: own.UPLOAD_QUEUE_LIMIT,
        memoryLimitMb: own.UPLOAD_MEMORY_LIMIT_MB,
      },
      ...(own.CREDENTIALS_KEK
        ? { kek: { key: Buffer.from(own.CREDENTIALS_KEK, 'base64'), id: own.CREDENTIALS_KEK_ID } }
        : {}),
      ...(own.CREDENTIALS_KEK_PREVIOUS && own.CREDENTIALS_KEK_PREVIOUS_ID
        ? {
            previousKek: {
              key: Buffer.from(own.CREDENTIALS_KEK_PREVIOUS, 'base64'),
              id: own.CREDENTIALS_KEK_PREVIOUS_ID,
            },
          }
        : {}),
      devSecretsDir: own.DEV_SECRETS_DIR ?? join(process.cwd(), '.run', 'dev-secrets'),
      outboundAllow: own.OUTBOUND_FETCH_ALLOW,
      ...(own.OUTBOUND_FETCH_CA_FILE ? { outboundExtraCas: [own.OUTBOUND_FETCH_CA_FILE] } : {}),
      walletOfferSeconds: own.WALLET_OFFER_SECONDS,
    },
  };
}

/** How the credentials service starts, from `main.ts` and from the integration specs alike. */
export function credentialsService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const { config, settings } = loadCredentialsEnvironment(env);
  return {
    module: AppModule.register(config, settings),
    config,
    description:
      'Issuer profiles and signing keys, achievements, award rules, signed Open Badges 3.0 credentials, status lists and verification.',
    largeBodies: [
      // A batch of up to 1,000 credentials, as JSON or as a CSV/text file of JWTs: read as bytes, parsed in a worker.
      {
        path: '/api/credentials/verify/batch',
        kind: 'raw',
        type: ['application/json', 'text/csv', 'text/plain'],
        limit: '8mb',
      },
      // An organisation's logo for its certificates, as PNG or SVG.
      {
        path: '/api/credentials/organisations/:organisationId/certificate-logo',
        kind: 'raw',
        type: [...LOGO_TYPES],
        limit: `${LOGO_MAX_BYTES}b`,
      },
      // The OpenID4VCI token request, form-encoded as OAuth asks: read as text, parsed by its handler.
      {
        path: '/api/credentials/oid4vci/token',
        kind: 'text',
        type: 'application/x-www-form-urlencoded',
        limit: '4kb',
      },
      // One credential to verify, as JSON: a learner record (CLR 2.0) holds its credentials whole, and its offline
      // bundle adds each one's status lists; other credentials are still refused over 64 KB by verification itself.
      { path: '/api/credentials/verify', kind: 'json', limit: VERIFY_JSON_LIMIT, exact: true },
      { path: '/api/credentials/credentials/verify', kind: 'json', limit: VERIFY_JSON_LIMIT, exact: true },
      // A PDF certificate uploaded for verification.
      {
        path: '/api/credentials/verify',
        kind: 'raw',
        type: 'application/pdf',
        limit: `${settings.uploads.pdfMaxBytes}b`,
      },
    ],
    publishes: [
      TOPICS.credentialsCredentialIssued,
      TOPICS.credentialsCredentialRevoked,
      TOPICS.credentialsCredentialSuspended,
      TOPICS.credentialsCredentialReinstated,
      TOPICS.credentialsDirectCredentialIssued,
      TOPICS.credentialsDirectCredentialRevoked,
      TOPICS.credentialsLearnerRecordIssued,
      TOPICS.credentialsLearnerRecordRevoked,
    ],
  };
}
