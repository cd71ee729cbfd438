import { inRequestOrder, type OfferingRecords, type Placement, placements } from './placement';

const T0 = Date.parse('2027-01-01T09:00:00Z');

/** Enrolments named by letter, requested in that order one second apart unless told otherwise. */
const enrolment = (id: string, second = id.charCodeAt(0) - 97, seq = 0) => ({
  _id: id,
  requestedAt: new Date(T0 + second * 1000),
  requestSeq: seq,
});

const claim = (seat: number, enrolmentId: string, generation = 0) => ({ seat, generation, enrolmentId });

function records(
  capacity: number,
  ids: string[],
  placed: Partial<Omit<OfferingRecords, 'capacity' | 'enrolments' | 'waitlisted' | 'withdrawn'>> & {
    waitlisted?: string[];
    withdrawn?: string[];
  } = {},
): OfferingRecords {
  return {
    capacity,
    enrolments: ids.map((id) => enrolment(id)),
    claims: placed.claims ?? [],
    waitlisted: new Set(placed.waitlisted ?? []),
    withdrawn: new Set(placed.withdrawn ?? []),
  };
}

const seat = (
  enrolmentId: string,
  n: number,
  generation = 0,
  via: 'enrolment' | 'promotion' = 'enrolment',
): Placement => ({ kind: 'claim', enrolmentId, seat: n, generation, via });
const waitlist = (enrolmentId: string): Placement => ({ kind: 'waitlist', enrolmentId });

describe('placements', () => {
  it.each<[string, OfferingRecords, Placement[]]>([
    ['places nobody when the offering has no enrolments', records(3, []), []],
    [
      'seats everyone in request order when there is room',
      records(3, ['a', 'b']),
      [seat('a', 1), seat('b', 2)],
    ],
    [
      'waitlists those beyond capacity when the offering is full',
      records(2, ['a', 'b', 'c', 'd']),
      [seat('a', 1), seat('b', 2), waitlist('c'), waitlist('d')],
    ],
    ['waitlists everyone when the capacity is zero', records(0, ['a', 'b']), [waitlist('a'), waitlist('b')]],
    [
      'places only the newcomer when the others are placed already',
      records(1, ['a', 'b', 'c'], { claims: [claim(1, 'a')], waitlisted: ['b'] }),
      [waitlist('c')],
    ],
    [
      'leaves a waitlisted learner waiting when no seat is free',
      records(1, ['a', 'b'], { claims: [claim(1, 'a')], waitlisted: ['b'] }),
      [],
    ],
    [
      'promotes the first waitlisted learner to the next generation of a seat when its holder withdrew',
      records(1, ['a', 'b', 'c'], { claims: [claim(1, 'a')], waitlisted: ['b', 'c'], withdrawn: ['a'] }),
      [seat('b', 1, 1, 'promotion')],
    ],
    [
      "gives a freed seat's next generation to a newcomer when nobody is waitlisted",
      records(2, ['a', 'b', 'c'], { claims: [claim(1, 'a'), claim(2, 'b')], withdrawn: ['b'] }),
      [seat('c', 2, 1)],
    ],
    [
      'skips a withdrawn enrolment that never had a place',
      records(1, ['a', 'b'], { withdrawn: ['a'] }),
      [seat('b', 1)],
    ],
    [
      'keeps a seat taken when its latest generation is held, whatever earlier holders did',
      records(1, ['a', 'b', 'c'], {
        claims: [claim(1, 'a', 0), claim(1, 'b', 1)],
        waitlisted: ['c'],
        withdrawn: ['a'],
      }),
      [],
    ],
    [
      'frees the lowest seats first when several are free',
      records(3, ['a', 'b', 'c'], { claims: [claim(2, 'b')] }),
      [seat('a', 1), seat('c', 3)],
    ],
  ])('%s', (_when, given, expected) => {
    expect(placements(given)).toEqual(expected);
  });

  it('gives the same placements for the same records, whatever order they are listed in', () => {
    const given = records(2, ['a', 'b', 'c', 'd'], { claims: [claim(1, 'a')], withdrawn: ['a'] });
    const reversed = { ...given, enrolments: [...given.enrolments].reverse() };
    expect(placements(reversed)).toEqual(placements(given));
  });
});

describe('inRequestOrder', () => {
  it.each([
    ['orders by request time when the times differ', [enrolment('b', 2), enrolment('a', 1)], ['a', 'b']],
    [
      'orders by sequence when two requests share a millisecond',
      [enrolment('a', 1, 2), enrolment('b', 1, 1)],
      ['b', 'a'],
    ],
    [
      'orders by id when time and sequence are equal',
      [enrolment('b', 1, 1), enrolment('a', 1, 1)],
      ['a', 'b'],
    ],
  ])('%s', (_when, given, expected) => {
    expect(inRequestOrder(given).map((e) => e._id)).toEqual(expected);
  });

  it('leaves its input as it was when it sorts', () => {
    const given = [enrolment('b'), enrolment('a')];
    inRequestOrder(given);
    expect(given.map((e) => e._id)).toEqual(['b', 'a']);
  });
});
