/** Where a claim stands with the exam board: awaiting until every module its proposal credits is decided. */
export const CLAIM_STATES = ['awaiting-decision', 'decided'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
