import type { StatusAction, StatusChange } from './status-change.schema';
import { issuerOfList, purposeOfList, setIndexes, statusListId } from './status-list-rules';

const ISSUER = '11111111-1111-4111-8111-111111111111';
const REVOCATION = `${ISSUER}-revocation-1`;
const SUSPENSION = `${ISSUER}-suspension-1`;

/** The n-th change of a credential whose bits are `index` in both lists. */
function change(credentialId: string, n: number, action: StatusAction, index: number): StatusChange {
  return {
    _id: `${credentialId}:${n}`,
    credentialId,
    awardingBodyId: ISSUER,
    action,
    statusListId: REVOCATION,
    statusIndex: index,
    suspensionListId: SUSPENSION,
    suspensionIndex: index + 1000,
    changedBy: 'registrar',
    changedAt: new Date('2026-03-01T00:00:00Z'),
  };
}

/** A credential issued through the VC-API has a revocation bit only, so its change names no suspension list. */
function vcApiRevocation(credentialId: string, index: number): StatusChange {
  const {
    suspensionListId: _list,
    suspensionIndex: _index,
    ...revocation
  } = change(credentialId, 1, 'revoke', index);
  return revocation;
}

describe('status list rules', () => {
  it.each([
    [REVOCATION, true, 'revocation'],
    [SUSPENSION, true, 'suspension'],
    [`${ISSUER}-revocation-12`, true, 'revocation'],
    [`${ISSUER}-archive-1`, false, undefined],
    ['not-an-issuer-revocation-1', false, undefined],
  ])('reads list id %s (valid: %s)', (listId, valid, purpose) => {
    expect(statusListId.safeParse(listId).success).toBe(valid);
    if (purpose) {
      expect(purposeOfList(listId)).toBe(purpose);
      expect(issuerOfList(listId)).toBe(ISSUER);
    }
  });

  it.each<[string, StatusChange[], number[], number[]]>([
    ['no changes', [], [], []],
    ['a revocation', [change('a', 1, 'revoke', 5)], [5], []],
    ['a suspension', [change('a', 1, 'suspend', 5)], [], [1005]],
    [
      'a suspension then reinstatement',
      [change('a', 1, 'suspend', 5), change('a', 2, 'reinstate', 5)],
      [],
      [],
    ],
    [
      'a suspension then revocation, stored out of order',
      [change('a', 2, 'revoke', 5), change('a', 1, 'suspend', 5)],
      [5],
      [],
    ],
    ['changes of two credentials', [change('a', 1, 'revoke', 5), change('b', 1, 'suspend', 7)], [5], [1007]],
    ['the revocation of a VC-API credential (no suspension bit)', [vcApiRevocation('c', 9)], [9], []],
    [
      'an award suspended beside a revoked VC-API credential',
      [vcApiRevocation('c', 9), change('a', 1, 'suspend', 5)],
      [9],
      [1005],
    ],
  ])('sets the bits of each list after %s', (_, changes, revoked, suspended) => {
    expect(setIndexes(REVOCATION, changes)).toEqual(revoked);
    expect(setIndexes(SUSPENSION, changes)).toEqual(suspended);
    expect(setIndexes(`${ISSUER}-revocation-2`, changes)).toEqual([]);
  });
});
