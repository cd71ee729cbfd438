import {
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { CsvError, type CsvRow, parseCsv } from './csv';

/** The body of a `text/csv` upload, as text; 415 for any other content type. */
export const CsvBody = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.is('text/csv') || typeof request.body !== 'string') {
    throw new UnsupportedMediaTypeException('Send the rows as CSV with Content-Type: text/csv.');
  }
  return request.body;
});

/** Parses an uploaded CSV; a file that cannot be read is a 400 naming the line. */
export function parseCsvUpload(text: string): CsvRow[] {
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new BadRequestException({
      message: 'The CSV could not be read.',
      errors: [{ field: 'csv', message: error.message }],
    });
  }
}
