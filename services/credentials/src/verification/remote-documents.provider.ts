import { GuardedFetch, HttpSource } from '@lib/vc';
import { Logger, type Provider } from '@nestjs/common';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';

/** Injects the one HttpSource through which this service fetches other issuers' keys and status lists. */
export const REMOTE_DOCUMENTS = Symbol('REMOTE_DOCUMENTS');

/** What one fetch of another issuer's document may take: the whole exchange, redirects included. */
export const REMOTE_FETCH_LIMITS = { timeoutMs: 5_000, maxBytes: 1024 * 1024, maxRedirects: 3 } as const;

/**
 * Every URL fetched here came from a user (a trust-list entry, a credential's status entry), so every fetch goes
 * through the guard: nothing inside the deployment is reachable unless `OUTBOUND_FETCH_ALLOW` says so. Why a fetch
 * failed is logged; callers only hear that it failed.
 */
export const remoteDocumentsProvider: Provider = {
  provide: REMOTE_DOCUMENTS,
  inject: [CREDENTIALS_SETTINGS],
  useFactory: (settings: CredentialsSettings) => {
    const logger = new Logger('RemoteDocuments');
    return new HttpSource({
      fetcher: new GuardedFetch({
        allow: settings.outboundAllow,
        ...(settings.outboundExtraCas ? { extraCas: settings.outboundExtraCas } : {}),
        ...REMOTE_FETCH_LIMITS,
      }),
      onFailure: (url, error) => logger.warn(`Fetching ${url} failed: ${error.message}`),
    });
  },
};
