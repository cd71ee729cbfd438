/** The hub-wide list's owner in `trustedBy`: what an admin publishes there, every verification trusts. */
export const HUB_LIST = 'hub';

/** A trust-list entry's `_id`: the list's owner ("hub" or an organisation id), then the issuer id. */
export function trustedIssuerId(trustedBy: string, issuerId: string): string {
  return `${trustedBy}:${issuerId}`;
}
