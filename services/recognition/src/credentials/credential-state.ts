import type { CredentialStatusFact } from './known-credential.schema';

export type CredentialState = 'active' | 'revoked' | 'suspended';

/** The state after a credential's status facts, in time order: revocation is final; suspension lasts until reinstated. */
export function stateOf(facts: readonly CredentialStatusFact[]): { state: CredentialState; reason?: string } {
  let current: { state: CredentialState; reason?: string } = { state: 'active' };
  for (const fact of [...facts].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (current.state === 'revoked') break;
    if (fact.action === 'revoke')
      current = { state: 'revoked', ...(fact.reason ? { reason: fact.reason } : {}) };
    else if (fact.action === 'suspend')
      current = { state: 'suspended', ...(fact.reason ? { reason: fact.reason } : {}) };
    else current = { state: 'active' };
  }
  return current;
}
