import type { StatusPurpose } from '@lib/vc';
import { z } from 'zod';
import { inOrder, stateAfter } from './credential-status';
import type { StatusChange } from './status-change.schema';

/** How long a signed list may be cached (its `ttl`, and the HTTP max-age). */
export const STATUS_LIST_TTL_MS = 300_000;

/** A list id: `<issuer organisation id>-<revocation|suspension>-<n>`. */
export const statusListId = z
  .string()
  .regex(/^[0-9a-f-]{36}-(revocation|suspension)-\d+$/, 'is not a status list id');

/** The issuer (awarding body) a list belongs to: the first 36 characters of its id. */
export function issuerOfList(listId: string): string {
  return listId.slice(0, 36);
}

export function purposeOfList(listId: string): StatusPurpose {
  return listId.includes('-suspension-') ? 'suspension' : 'revocation';
}

/**
 * The bit indexes set in one list, from an issuer's status changes: a credential's bit is set while it is revoked
 * (revocation list) or suspended (suspension list).
 */
export function setIndexes(listId: string, changes: readonly StatusChange[]): number[] {
  const byCredential = new Map<string, StatusChange[]>();
  for (const change of changes) {
    byCredential.set(change.credentialId, [...(byCredential.get(change.credentialId) ?? []), change]);
  }
  const indexes: number[] = [];
  for (const ofCredential of byCredential.values()) {
    const sorted = inOrder(ofCredential);
    const state = stateAfter(sorted);
    const { statusListId, statusIndex, suspensionListId, suspensionIndex } = sorted[0]!;
    if (listId === statusListId && state.revoked) indexes.push(statusIndex);
    if (listId === suspensionListId && state.suspended && suspensionIndex !== undefined)
      indexes.push(suspensionIndex);
  }
  return indexes;
}
