import { ConflictException } from '@nestjs/common';
import type { Offering, OfferingStatus } from '../offerings/offering.schema';
import { closedForEnrolment, requireOpenForEnrolment } from './enrolment-window';

const offering = {
  enrolmentOpensAt: new Date('2027-01-01T09:00:00Z'),
  enrolmentClosesAt: new Date('2027-01-10T17:00:00Z'),
} as Offering;
const WINDOW = 'Enrolment is open from 2027-01-01T09:00:00.000Z to 2027-01-10T17:00:00.000Z.';

describe('closedForEnrolment', () => {
  it.each<[OfferingStatus, string, string | undefined]>([
    ['open', '2027-01-05T12:00:00Z', undefined],
    ['open', '2027-01-01T09:00:00Z', undefined],
    ['open', '2027-01-10T17:00:00Z', undefined],
    ['open', '2027-01-01T08:59:59Z', WINDOW],
    ['open', '2027-01-10T17:00:01Z', WINDOW],
    ['draft', '2027-01-05T12:00:00Z', 'The offering is draft, not open for enrolment.'],
    ['closed', '2027-01-05T12:00:00Z', 'The offering is closed, not open for enrolment.'],
    ['completed', '2027-01-20T12:00:00Z', 'The offering is completed, not open for enrolment.'],
  ])('answers for a %s offering at %s', (status, at, expected) => {
    expect(closedForEnrolment({ offering, status }, new Date(at))).toBe(expected);
  });
});

describe('requireOpenForEnrolment', () => {
  it('refuses with 409 when the offering is closed', () => {
    expect(() => requireOpenForEnrolment({ offering, status: 'closed' }, new Date('2027-01-05'))).toThrow(
      ConflictException,
    );
  });

  it('lets a request through when the offering is open', () => {
    expect(() => requireOpenForEnrolment({ offering, status: 'open' }, new Date('2027-01-05'))).not.toThrow();
  });
});
