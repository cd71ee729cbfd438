import { jwtPayload } from '../api/jwt-payload';
import { type CredentialSummary, summariseCredential } from '../../../../libs/vc/src/summary';

export type { CredentialSummary };

/**
 * What a credential certifies, from its signed JWT's payload, in the same words as the certificate and the
 * verification page (libs/vc's summary). For display only: the services verify.
 */
export function summaryOf(jwt: string): CredentialSummary {
  return summariseCredential(jwtPayload(jwt));
}
