import { type CredentialSummary, summariseCredential } from '../../../../libs/vc/src/summary';

export type { CredentialSummary };

/**
 * What a credential certifies, from its signed JWT's payload, in the same words as the certificate and the
 * verification page (libs/vc's summary). For display only: the services verify.
 */
export function summaryOf(jwt: string): CredentialSummary {
  return summariseCredential(payloadOf(jwt));
}

function payloadOf(jwt: string): unknown {
  try {
    const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}
