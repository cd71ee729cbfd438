import type { DevIdentityProvider, Role } from '@lib/auth';
import { ApiClient, ApiError } from '../chaos/api-client';

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The public API as the seed uses it: one client per caller, every call retried on transient failures (the chaos
 * driver's client), and the lookups that make each step safe to run again: find what an earlier run made before
 * making it.
 */
export class SeedApi {
  private readonly retried = new Map<string, number>();

  constructor(
    private readonly gatewayUrl: string,
    private readonly identityProvider: DevIdentityProvider,
    private readonly deadline: number,
  ) {}

  as(role: Role, who: { org?: string; sub?: string } = {}): ApiClient {
    const token = this.identityProvider.mint({ roles: [role], ...who });
    return new ApiClient(this.gatewayUrl, token, this.deadline, this.retried);
  }

  /** Every item of a paged list (development data: a few pages at most). */
  async all<T>(client: ApiClient, path: string): Promise<T[]> {
    const items: T[] = [];
    const joiner = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page += 1) {
      const answer = await client.get<Page<T>>(`${path}${joiner}page=${page}&pageSize=200`);
      items.push(...answer.items);
      if (items.length >= answer.total || answer.items.length === 0) return items;
    }
  }

  /** The first item `matches` finds in the list, or what `create` makes when there is none. */
  async findOrCreate<T>(
    client: ApiClient,
    listPath: string,
    matches: (item: T) => boolean,
    create: () => Promise<T>,
  ): Promise<T> {
    return (await this.all<T>(client, listPath)).find(matches) ?? create();
  }

  /**
   * Repeats a call while it answers 404 for a fact still travelling between services (a course that has not
   * reached assessment or credentials yet), until the deadline.
   */
  async whenKnown<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
        if (Date.now() > this.deadline) throw new Error(`${what} never became possible: ${error.message}`);
        await new Promise((done) => setTimeout(done, 500));
      }
    }
  }

  /** Repeats `attempt` every second until it says it is done, until the deadline. */
  async until(what: string, attempt: () => Promise<boolean>): Promise<void> {
    while (!(await attempt())) {
      if (Date.now() > this.deadline) throw new Error(`${what} did not finish in time`);
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
}
