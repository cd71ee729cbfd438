import { currentStatus } from './credential-status';
import type { StatusAction } from './status-change.schema';

const at = (n: number) => new Date(Date.UTC(2026, 0, n));
const change = (n: number, action: StatusAction, reason?: string) => ({
  _id: `urn:uuid:c:${n}`,
  action,
  changedAt: at(n),
  ...(reason ? { reason } : {}),
});

describe('currentStatus', () => {
  it('is active without changes, or once a suspension is reinstated', () => {
    expect(currentStatus([])).toEqual({ state: 'active' });
    expect(currentStatus([change(1, 'suspend', 'checking'), change(2, 'reinstate')])).toEqual({
      state: 'active',
    });
  });

  it('names the suspension in force, the latest one, whatever order the changes are read in', () => {
    const changes = [change(3, 'suspend', 'again'), change(1, 'suspend', 'first'), change(2, 'reinstate')];
    expect(currentStatus(changes)).toEqual({ state: 'suspended', reason: 'again', changedAt: at(3) });
  });

  it('keeps the revocation and its reason, after a suspension too', () => {
    const changes = [change(1, 'suspend', 'checking'), change(2, 'revoke', 'awarded in error')];
    expect(currentStatus(changes)).toEqual({
      state: 'revoked',
      reason: 'awarded in error',
      changedAt: at(2),
    });
  });
});
