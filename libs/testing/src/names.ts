import { randomUUID } from 'node:crypto';

/** A name no other spec or run uses: for topics, consumer groups and databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
