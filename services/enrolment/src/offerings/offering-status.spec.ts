import type { OfferingStatus } from './offering.schema';
import { currentStatus, transitionProblem } from './offering-status';

describe('currentStatus', () => {
  it.each<[Exclude<OfferingStatus, 'draft'>[], OfferingStatus]>([
    [[], 'draft'],
    [['open'], 'open'],
    [['open', 'closed'], 'closed'],
    [['closed', 'open'], 'closed'],
    [['completed', 'open'], 'completed'],
    [['open', 'completed', 'closed'], 'completed'],
  ])('is the furthest status reached when the changes are %j', (changes, expected) => {
    expect(currentStatus(changes.map((status) => ({ status })))).toBe(expected);
  });
});

describe('transitionProblem', () => {
  it.each<[OfferingStatus, Exclude<OfferingStatus, 'draft'>]>([
    ['draft', 'open'],
    ['open', 'closed'],
    ['open', 'completed'],
    ['closed', 'completed'],
  ])('allows %s to become %s', (from, to) => {
    expect(transitionProblem(from, to)).toBeUndefined();
  });

  it.each<[OfferingStatus, Exclude<OfferingStatus, 'draft'>]>([
    ['open', 'open'],
    ['closed', 'open'],
    ['completed', 'open'],
    ['draft', 'closed'],
    ['closed', 'closed'],
    ['completed', 'closed'],
    ['draft', 'completed'],
    ['completed', 'completed'],
  ])('refuses %s becoming %s', (from, to) => {
    expect(transitionProblem(from, to)).toBe(`An offering that is ${from} cannot become ${to}.`);
  });
});
