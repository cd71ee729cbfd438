import { z } from 'zod';
import { queryParametersOf } from './zod-query';

describe('queryParametersOf', () => {
  it('documents each field with its schema, its description, and whether it may be left out', () => {
    const schema = z.strictObject({
      page: z.coerce.number().int().min(1).default(1),
      issuerId: z.url().max(500).describe('the awarding body, as issuer'),
      format: z.enum(['jwt', 'json']).optional(),
    });
    expect(queryParametersOf(schema)).toEqual([
      {
        name: 'page',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 1 },
      },
      {
        name: 'issuerId',
        required: true,
        schema: { type: 'string', format: 'uri', maxLength: 500 },
        description: 'the awarding body, as issuer',
      },
      { name: 'format', required: false, schema: { type: 'string', enum: ['jwt', 'json'] } },
    ]);
  });
});
