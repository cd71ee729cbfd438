import { BadRequestException } from '@nestjs/common';
import { markProblems } from '../schemes/marking';
import type { Scheme } from '../schemes/scheme.schema';

export const MARKS_DO_NOT_FIT = 'The marks do not fit the assessment scheme.';

/** The 400 for marks that do not fit the scheme, naming the fields. */
export function misfit(errors: { field: string; message: string }[]): BadRequestException {
  return new BadRequestException({ message: MARKS_DO_NOT_FIT, errors });
}

export function requireFits(scheme: Pick<Scheme, 'components'>, marks: Record<string, number>): void {
  const errors = markProblems(scheme, marks);
  if (errors.length > 0) throw misfit(errors);
}
