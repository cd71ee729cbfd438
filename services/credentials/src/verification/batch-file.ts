import { BadRequestException } from '@nestjs/common';
import { MAX_BATCH } from './verification.dto';

/**
 * The JWTs in an uploaded text or CSV file: one per line, in the first column; blank lines and a header line
 * ("jwt", "credential") are skipped.
 */
export function jwtsOfFile(text: string): string[] {
  const jwts = text
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(',')[0]!
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((cell, index) => cell !== '' && !(index === 0 && /^(jwt|credential|vc)$/i.test(cell)));
  if (jwts.length === 0 || jwts.length > MAX_BATCH)
    throw new BadRequestException({
      message: 'The file could not be verified as a batch.',
      errors: [
        {
          field: 'file',
          message:
            jwts.length === 0
              ? 'holds no credentials'
              : `holds ${jwts.length} credentials; at most ${MAX_BATCH}`,
        },
      ],
    });
  return jwts;
}
