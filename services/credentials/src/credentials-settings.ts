import type { OutboundAllowList } from '@lib/vc';
import type { UploadLimits } from './uploads/upload-limits';

/** Injects the credentials service's own settings, parsed at start-up by its one schema (`credentials.definition.ts`). */
export const CREDENTIALS_SETTINGS = Symbol('CREDENTIALS_SETTINGS');

/** What the credentials service reads from its own environment variables, validated and resolved. */
export interface CredentialsSettings {
  /** Public verification requests per client a minute (`VERIFY_RATE_LIMIT`); 0 turns the limit off. */
  readonly verifyRateLimit: number;
  /** How old an offline bundle's snapshot may be before its result warns (`VERIFY_BUNDLE_MAX_AGE_DAYS`). */
  readonly bundleMaxAgeMs: number;
  /** Limits on reading uploads for verification (PDF size, time and memory of the worker threads, their queue). */
  readonly uploads: UploadLimits;
  /** The key-encryption key (`CREDENTIALS_KEK`) and its id (`CREDENTIALS_KEK_ID`); required in production. */
  readonly kek?: { readonly key: Buffer; readonly id: string };
  /**
   * The key-encryption key before the current one (`CREDENTIALS_KEK_PREVIOUS`, `CREDENTIALS_KEK_PREVIOUS_ID`), kept
   * during a rotation: it only decrypts, and the service re-encrypts what is stored under it at start-up.
   */
  readonly previousKek?: { readonly key: Buffer; readonly id: string };
  /** Without a configured key, development keeps a generated one here (`DEV_SECRETS_DIR`). */
  readonly devSecretsDir: string;
  /** Inside addresses that fetches of users' URLs may reach all the same (`OUTBOUND_FETCH_ALLOW`): development only. */
  readonly outboundAllow: OutboundAllowList;
  /**
   * Certificate authorities (PEM) that those fetches trust besides the system's (`OUTBOUND_FETCH_CA_FILE`): a local
   * authority for development and tests, so https servers on this machine (a did:web issuer) can be reached.
   */
  readonly outboundExtraCas?: readonly string[];
  /** How long a learner's offer of a credential to a wallet stays open, in seconds (`WALLET_OFFER_SECONDS`). */
  readonly walletOfferSeconds: number;
}
