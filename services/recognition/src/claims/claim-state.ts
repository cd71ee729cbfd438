/** Where a claim stands with the exam board: awaiting until every eligible module of its programme is decided. */
export const CLAIM_STATES = ['awaiting-decision', 'decided'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
