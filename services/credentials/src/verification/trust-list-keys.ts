/** The hub-wide list's owner in `trustedBy`: what an admin publishes there, every verification trusts. */
export const HUB_LIST = 'hub';

/** A trust-list entry's `_id`: the list's owner ("hub" or an organisation id), then the issuer id. */
export function trustedIssuerId(trustedBy: string, issuerId: string): string {
  return `${trustedBy}:${issuerId}`;
}

/** The `_id` of the hub's one trust-list key (the key that signs trust snapshots). */
export const HUB_TRUST_LIST_KEY = 'hub';
