import type { Account } from './sign-in-choice';

/**
 * Who has signed in since this process started, by subject: the provider looks accounts up when it issues tokens.
 * Kept in memory like the provider's sessions (its development adapter), so a restart forgets both together.
 */
export class AccountStore {
  private readonly accounts = new Map<string, Account>();

  remember(account: Account): void {
    this.accounts.set(account.sub, account);
  }

  find(sub: string): Account | undefined {
    return this.accounts.get(sub);
  }
}
