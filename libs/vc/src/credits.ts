/** UK credit (CATS) and ECTS: 2 UK credits = 1 ECTS credit, as the QAA's frameworks state. */
export const UK_CREDITS_PER_ECTS = 2;

export interface CreditAmount {
  readonly value: number;
  readonly scheme: 'UK' | 'ECTS';
}

/** An amount of credit in UK credits, whichever scheme it was given in. */
export function ukCreditsOf(credits: CreditAmount): number {
  return credits.scheme === 'ECTS' ? credits.value * UK_CREDITS_PER_ECTS : credits.value;
}

/** UK credits as ECTS credits. */
export function ectsOfUkCredits(ukCredits: number): number {
  return ukCredits / UK_CREDITS_PER_ECTS;
}
