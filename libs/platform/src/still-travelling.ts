/** The plain words every service adds when what was asked for may still be on its way from another service. */
export const STILL_BEING_SET_UP = 'still being set up across the system; try again in a moment.';

/**
 * A 404's message for something another service records first (a course, an offering, an awarding body): the same
 * for one not arrived yet, one of another organisation and one that does not exist, so nothing is revealed, and in
 * words a person can act on.
 */
export function notHereYet(what: string, id: string, whose = 'that you can see'): string {
  return `No ${what} ${id} ${whose}. If it was created moments ago, it is ${STILL_BEING_SET_UP}`;
}
