import type { DevIdentityProvider, Role } from '@lib/auth';

export interface Organisation {
  readonly id: string;
  readonly kind: 'awarding-body' | 'partner';
  readonly name: string;
}

export interface LearnerChoice {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

interface Enrolment {
  readonly learnerId: string;
  readonly learner?: { givenName: string; familyName: string; email: string };
}

/** The enrolment service could not be read: the sign-in page says so instead of offering nothing. */
export class DirectoryUnavailableError extends Error {}

/** Development data is small: a few pages at most. More is not offered on the sign-in page. */
const MAX_PAGES = 5;
const MAX_OFFERINGS = 50;

/**
 * What the sign-in page offers, read through the enrolment service's public API with short-lived tokens this
 * provider mints for itself (an admin for the organisations; the organisation's own staff for its learners).
 */
export class EnrolmentDirectory {
  constructor(
    private readonly enrolmentUrl: string,
    private readonly tokens: DevIdentityProvider,
  ) {}

  async organisations(): Promise<Organisation[]> {
    const all = await this.all<Organisation>('/api/enrolment/organisations', { role: 'admin' });
    return all
      .map(({ id, kind, name }) => ({ id, kind, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  /**
   * The learners enrolled on an organisation's offerings (those it awards or delivers), one entry each: the
   * enrolment API has no list of learners, and enrolments name them for the organisation's staff.
   */
  async learnersOf(organisation: Organisation): Promise<LearnerChoice[]> {
    const staff = {
      role: organisation.kind === 'partner' ? 'partner' : 'registrar',
      org: organisation.id,
    } as const;
    const offerings = await this.all<{ id: string }>('/api/enrolment/offerings', staff);
    const learners = new Map<string, LearnerChoice>();
    for (const offering of offerings.slice(0, MAX_OFFERINGS)) {
      const path = `/api/enrolment/offerings/${encodeURIComponent(offering.id)}/enrolments`;
      for (const enrolment of await this.all<Enrolment>(path, staff)) {
        const person = enrolment.learner;
        if (!person || learners.has(enrolment.learnerId)) continue;
        const name = `${person.givenName} ${person.familyName}`;
        learners.set(enrolment.learnerId, { id: enrolment.learnerId, name, email: person.email });
      }
    }
    return [...learners.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  private async all<T>(path: string, who: { role: Role; org?: string }): Promise<T[]> {
    const token = this.tokens.mint({ roles: [who.role], org: who.org, expiresInSeconds: 60 });
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const answer = await this.get<Page<T>>(`${path}?page=${page}&pageSize=200`, token);
      items.push(...answer.items);
      if (items.length >= answer.total || answer.items.length === 0) break;
    }
    return items;
  }

  private async get<T>(path: string, token: string): Promise<T> {
    const url = `${this.enrolmentUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DirectoryUnavailableError(`${url} could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DirectoryUnavailableError(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  }
}
