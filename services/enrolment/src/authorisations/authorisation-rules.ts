import type { AuthorisationWithWithdrawal } from './authorisations.repository';

/** Whether one grant covers a day (YYYY-MM-DD): within its dates and before any withdrawal takes effect. */
export function coversDay(grant: AuthorisationWithWithdrawal, day: string): boolean {
  if (day < grant.validFrom) return false;
  if (grant.validUntil !== undefined && day > grant.validUntil) return false;
  return grant.withdrawal === undefined || day < grant.withdrawal.effectiveFrom;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
