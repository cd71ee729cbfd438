import { beforeDeadline } from './deadline';

describe('beforeDeadline', () => {
  it('gives the answer of work that finishes in time', async () => {
    await expect(beforeDeadline(Promise.resolve(7), Date.now() + 1000, 'work')).resolves.toBe(7);
  });

  it('rejects, naming the work, when the work never finishes', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(beforeDeadline(never, Date.now() + 20, 'cohort 3')).rejects.toThrow(
      "cohort 3 had not finished when the run's time was up",
    );
  });
});
