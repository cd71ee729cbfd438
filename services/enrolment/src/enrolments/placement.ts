import type { Enrolment, SeatClaim } from './enrolment.schema';

/** What is recorded of an offering's enrolments, as the placement rule sees it. */
export interface OfferingRecords {
  readonly capacity: number;
  readonly enrolments: readonly Pick<Enrolment, '_id' | 'requestedAt' | 'requestSeq'>[];
  readonly claims: readonly Pick<SeatClaim, 'seat' | 'generation' | 'enrolmentId'>[];
  readonly waitlisted: ReadonlySet<string>;
  readonly withdrawn: ReadonlySet<string>;
}

export type Placement =
  | { kind: 'claim'; enrolmentId: string; seat: number; generation: number; via: 'enrolment' | 'promotion' }
  | { kind: 'waitlist'; enrolmentId: string };

/**
 * The records still to write so that every enrolment is placed: in request order, each learner not yet seated
 * takes a free seat if there is one (a waitlisted learner is promoted) and otherwise joins the waitlist.
 * A seat is free when nobody claimed it, or when its latest holder withdrew (it is claimed again, next generation).
 * Pure: the same records always give the same placements, so any process can settle an offering.
 */
export function placements(records: OfferingRecords): Placement[] {
  const free = freeSeats(records);
  const seated = new Set(records.claims.map((claim) => claim.enrolmentId));
  const result: Placement[] = [];
  for (const enrolment of inRequestOrder(records.enrolments)) {
    if (seated.has(enrolment._id) || records.withdrawn.has(enrolment._id)) continue;
    const waiting = records.waitlisted.has(enrolment._id);
    const seat = free.shift();
    if (seat) {
      result.push({
        kind: 'claim',
        enrolmentId: enrolment._id,
        ...seat,
        via: waiting ? 'promotion' : 'enrolment',
      });
    } else if (!waiting) {
      result.push({ kind: 'waitlist', enrolmentId: enrolment._id });
    }
  }
  return result;
}

export function inRequestOrder<T extends Pick<Enrolment, '_id' | 'requestedAt' | 'requestSeq'>>(
  enrolments: readonly T[],
): T[] {
  return [...enrolments].sort(
    (a, b) =>
      a.requestedAt.getTime() - b.requestedAt.getTime() ||
      a.requestSeq - b.requestSeq ||
      a._id.localeCompare(b._id),
  );
}

function freeSeats({ capacity, claims, withdrawn }: OfferingRecords): { seat: number; generation: number }[] {
  const latest = new Map<number, Pick<SeatClaim, 'generation' | 'enrolmentId'>>();
  for (const claim of claims) {
    if ((latest.get(claim.seat)?.generation ?? -1) < claim.generation) latest.set(claim.seat, claim);
  }
  const free: { seat: number; generation: number }[] = [];
  for (let seat = 1; seat <= capacity; seat += 1) {
    const holder = latest.get(seat);
    if (!holder) free.push({ seat, generation: 0 });
    else if (withdrawn.has(holder.enrolmentId)) free.push({ seat, generation: holder.generation + 1 });
  }
  return free;
}
