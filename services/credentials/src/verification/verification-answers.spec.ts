import type { Check, CheckOutcome, VerificationResult, VerificationStatus } from '@lib/vc';
import { batchSummaryOf } from './batch-summary';
import { vcApiResultOf } from './vc-api-result';

function check(id: Check['id'], outcome: CheckOutcome): Check {
  return { id, title: id, outcome, message: `${id} ${outcome}` };
}

function resultOf(status: VerificationStatus, checks: Check[] = []): VerificationResult {
  return {
    status,
    verified: status === 'valid',
    headline: status,
    checks,
    summary: {} as VerificationResult['summary'],
    checkedAt: '2026-12-01T00:00:00.000Z',
  };
}

describe('vcApiResultOf', () => {
  it('lists passed checks by id, skipped ones as warnings and failed or erring ones as errors', () => {
    const result = resultOf('invalid', [
      check('format', 'passed'),
      check('signature', 'failed'),
      check('partner', 'skipped'),
      check('revocation', 'error'),
      check('trust', 'passed'),
    ]);
    expect(vcApiResultOf(result)).toEqual({
      verified: false,
      status: 'invalid',
      checks: ['format', 'trust'],
      warnings: [{ check: 'partner', message: 'partner skipped' }],
      errors: [
        { check: 'signature', message: 'signature failed' },
        { check: 'revocation', message: 'revocation error' },
      ],
      result,
    });
  });

  it('keeps the keys in the order the VC-API answer has always had', () => {
    expect(Object.keys(vcApiResultOf(resultOf('valid')))).toEqual([
      'verified',
      'status',
      'checks',
      'warnings',
      'errors',
      'result',
    ]);
  });
});

describe('batchSummaryOf', () => {
  it.each([
    ['an empty batch', [], {}],
    ['one status', ['valid', 'valid'], { valid: 2 }],
    ['mixed statuses', ['valid', 'revoked', 'valid', 'invalid'], { valid: 2, revoked: 1, invalid: 1 }],
  ] as const)('counts %s by status', (_case, statuses, counts) => {
    const summary = batchSummaryOf(statuses.map((status) => resultOf(status)));
    expect(summary.total).toBe(statuses.length);
    expect(summary.counts).toEqual(counts);
  });

  it('gives each result its place in the batch, first of its keys', () => {
    const summary = batchSummaryOf([resultOf('revoked'), resultOf('valid')]);
    expect(summary.results.map((result) => [result.index, result.status])).toEqual([
      [0, 'revoked'],
      [1, 'valid'],
    ]);
    expect(Object.keys(summary.results[0]!)[0]).toBe('index');
    expect(Object.keys(summary)).toEqual(['total', 'counts', 'results']);
  });
});
