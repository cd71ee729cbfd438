import { ApiError } from '../api/api-error';

/**
 * A fact still travelling between services: a course or offering just made is unknown to the service asked (404)
 * until its event arrives, usually within seconds.
 */
export const isTravelling = (error: unknown): boolean =>
  error instanceof ApiError && error.problem.status === 404;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until the service knows what it names, telling `onTravelling` while it waits, so the page can say
 * "being processed" instead of a 404 in internal words. Gives up with a plain message after `limitMs`.
 */
export async function whenArrived<T>(
  attempt: () => Promise<T>,
  onTravelling: () => void,
  { intervalMs = 1000, limitMs = 60_000 } = {},
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTravelling(error)) throw error;
      if (Date.now() > deadline)
        throw new Error('This is taking longer than usual to be processed. Try again in a few minutes.');
      onTravelling();
      await pause(intervalMs);
    }
  }
}
