import type { StatusChange } from './status-change.schema';

export interface CredentialState {
  revoked: boolean;
  suspended: boolean;
}

/** Changes in the order they were made (`_id` ends in their number). */
export function inOrder<T extends Pick<StatusChange, '_id'>>(changes: readonly T[]): T[] {
  const number = (change: T) => Number(change._id.slice(change._id.lastIndexOf(':') + 1));
  return [...changes].sort((a, b) => number(a) - number(b));
}

/** A credential's state after its changes, in order: revocation is final; suspension lasts until reinstated. */
export function stateAfter(changes: readonly Pick<StatusChange, 'action'>[]): CredentialState {
  let state: CredentialState = { revoked: false, suspended: false };
  for (const change of changes) {
    if (change.action === 'revoke') state = { revoked: true, suspended: false };
    else if (!state.revoked) state = { revoked: false, suspended: change.action === 'suspend' };
  }
  return state;
}

/** Why an action cannot be taken in a state, or undefined when it can. */
export function actionProblem(state: CredentialState, action: StatusChange['action']): string | undefined {
  if (state.revoked) return 'The credential is revoked; revocation is permanent.';
  if (action === 'suspend' && state.suspended) return 'The credential is suspended already.';
  if (action === 'reinstate' && !state.suspended) return 'Only a suspended credential can be reinstated.';
  return undefined;
}

/** What a registrar reads of a credential's status: active, revoked or suspended, with the change that made it so. */
export interface CurrentStatus {
  state: 'active' | 'revoked' | 'suspended';
  reason?: string;
  changedAt?: Date;
}

/** The status after a credential's changes (in any order): the revocation, or the suspension in force, with why. */
export function currentStatus(
  changes: readonly Pick<StatusChange, '_id' | 'action' | 'reason' | 'changedAt'>[],
): CurrentStatus {
  const ordered = inOrder(changes);
  const state = stateAfter(ordered);
  if (!state.revoked && !state.suspended) return { state: 'active' };
  const action = state.revoked ? 'revoke' : 'suspend';
  const cause = [...ordered].reverse().find((change) => change.action === action)!;
  return {
    state: state.revoked ? 'revoked' : 'suspended',
    ...(cause.reason ? { reason: cause.reason } : {}),
    changedAt: cause.changedAt,
  };
}
