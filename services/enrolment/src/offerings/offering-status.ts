import type { OfferingStatus, OfferingStatusChange } from './offering.schema';

const ORDER: OfferingStatus[] = ['draft', 'open', 'closed', 'completed'];

/** The current status: the furthest one reached. */
export function currentStatus(changes: readonly Pick<OfferingStatusChange, 'status'>[]): OfferingStatus {
  return changes.reduce<OfferingStatus>(
    (furthest, change) => (ORDER.indexOf(change.status) > ORDER.indexOf(furthest) ? change.status : furthest),
    'draft',
  );
}

/** Why an offering in `from` cannot move to `to`, or undefined when it can. */
export function transitionProblem(
  from: OfferingStatus,
  to: Exclude<OfferingStatus, 'draft'>,
): string | undefined {
  const allowed: Record<typeof to, OfferingStatus[]> = {
    open: ['draft'],
    closed: ['open'],
    completed: ['open', 'closed'],
  };
  return allowed[to].includes(from) ? undefined : `An offering that is ${from} cannot become ${to}.`;
}
