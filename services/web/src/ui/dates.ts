/** A day (`2026-12-01`) or a moment, as a long British date ("1 December 2026"), read in UTC. */
export function longDate(when: string): string {
  const moment = when.length === 10 ? new Date(`${when}T00:00:00Z`) : new Date(when);
  return moment.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}
