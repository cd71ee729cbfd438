import { coversDay } from './authorisation-rules';
import type { AuthorisationWithWithdrawal } from './authorisations.repository';

function grant(validFrom: string, validUntil?: string, withdrawnFrom?: string): AuthorisationWithWithdrawal {
  return {
    _id: 'g',
    awardingBodyId: 'u',
    partnerId: 'p',
    courseId: 'c',
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    grantedBy: 'r',
    grantedAt: new Date('2026-01-01T00:00:00Z'),
    ...(withdrawnFrom
      ? {
          withdrawal: {
            _id: 'g',
            effectiveFrom: withdrawnFrom,
            reason: 'quality',
            withdrawnBy: 'r',
            withdrawnAt: new Date('2026-06-01T00:00:00Z'),
          },
        }
      : {}),
  };
}

describe('coversDay', () => {
  it.each<[string, AuthorisationWithWithdrawal, string, boolean]>([
    ['the day before it starts', grant('2027-01-10'), '2027-01-09', false],
    ['the day it starts', grant('2027-01-10'), '2027-01-10', true],
    ['any later day when it has no end', grant('2027-01-10'), '2030-12-31', true],
    ['its last day', grant('2027-01-10', '2027-03-31'), '2027-03-31', true],
    ['the day after its last day', grant('2027-01-10', '2027-03-31'), '2027-04-01', false],
    [
      'the day before a withdrawal takes effect',
      grant('2027-01-10', undefined, '2027-02-01'),
      '2027-01-31',
      true,
    ],
    ['the day a withdrawal takes effect', grant('2027-01-10', undefined, '2027-02-01'), '2027-02-01', false],
    [
      'a day after a withdrawal took effect',
      grant('2027-01-10', '2027-12-31', '2027-02-01'),
      '2027-06-01',
      false,
    ],
  ])('decides %s', (_day, given, day, expected) => {
    expect(coversDay(given, day)).toBe(expected);
  });
});
