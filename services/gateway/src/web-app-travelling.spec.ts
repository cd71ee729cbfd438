import { ApiError } from '../../web/src/api/api-error';
import { whenArrived } from '../../web/src/ui/travelling';

// The web app's "being processed" rule (services/web/src/ui/travelling.ts), which its browser specs meet only when
// an event happens to be slower than the user: a 404 is waited out, anything else is shown at once.
describe('web app: a fact still travelling between services', () => {
  const unknown = () => new ApiError({ status: 404, message: 'No course with id …' });

  it('tries again while the service answers 404, telling the page each time, then gives the answer', async () => {
    const answers: (() => string)[] = [
      () => {
        throw unknown();
      },
      () => {
        throw unknown();
      },
      () => 'defined',
    ];
    const told: number[] = [];
    const result = await whenArrived(
      () => Promise.resolve().then(answers.shift()),
      () => told.push(answers.length),
      { intervalMs: 1 },
    );
    expect(result).toBe('defined');
    expect(told).toEqual([2, 1]);
  });

  it('shows any other refusal at once, with the field errors', async () => {
    const refused = new ApiError({
      status: 400,
      message: 'The request is not valid',
      errors: [{ field: 'criteria', message: 'Required' }],
    });
    let tries = 0;
    const attempt = () => {
      tries += 1;
      return Promise.reject(refused);
    };
    await expect(whenArrived(attempt, () => undefined, { intervalMs: 1 })).rejects.toBe(refused);
    expect(tries).toBe(1);
  });

  it('gives up in plain words, never the internal 404, when it takes too long', async () => {
    const attempt = () => Promise.reject(unknown());
    await expect(whenArrived(attempt, () => undefined, { intervalMs: 1, limitMs: 5 })).rejects.toThrow(
      'This is taking longer than usual to be processed. Try again in a few minutes.',
    );
  });
});
