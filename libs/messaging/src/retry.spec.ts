import { DEFAULT_RETRY, backoffDelay, minimumRetryTimeMs } from './retry';

describe('the retry policy', () => {
  it('retries an unknown error for at least 30 minutes by default, to ride out a restart of any dependency', () => {
    expect(minimumRetryTimeMs(DEFAULT_RETRY)).toBeGreaterThanOrEqual(30 * 60 * 1000);
  });

  it('grows the delay exponentially from the initial delay and caps it', () => {
    const policy = { ...DEFAULT_RETRY, initialDelayMs: 100, maxDelayMs: 1000 };
    for (let i = 0; i < 50; i += 1) {
      expect(backoffDelay(policy, 1)).toBeGreaterThanOrEqual(50);
      expect(backoffDelay(policy, 1)).toBeLessThanOrEqual(100);
      expect(backoffDelay(policy, 3)).toBeGreaterThanOrEqual(200);
      expect(backoffDelay(policy, 3)).toBeLessThanOrEqual(400);
      expect(backoffDelay(policy, 40)).toBeGreaterThanOrEqual(500);
      expect(backoffDelay(policy, 40)).toBeLessThanOrEqual(1000);
    }
  });
});
