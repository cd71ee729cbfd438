import { type Check, type CheckId, type CheckOutcome, CHECKS } from './result';

/** The checks as they are made; any not made by the end are reported as skipped. */
export class Report {
  private readonly made = new Map<CheckId, Check>();
  reason: string | undefined;

  record(id: CheckId, outcome: CheckOutcome, message: string): void {
    this.made.set(id, { id, title: CHECKS[id], outcome, message });
  }

  /** Runs a check whose lookups may fail to reach their source: that is an `error`, never a pass. */
  async run(id: CheckId, check: () => Promise<[CheckOutcome, string]>): Promise<boolean> {
    try {
      const [outcome, message] = await check();
      this.record(id, outcome, message);
      return outcome === 'passed';
    } catch (error) {
      this.record(id, 'error', `Could not check: ${(error as Error).message}`);
      return false;
    }
  }

  complete(): Check[] {
    const stopped = [...this.made.values()].find(
      (check) => check.outcome === 'failed' || check.outcome === 'error',
    );
    return (Object.keys(CHECKS) as CheckId[]).map(
      (id) =>
        this.made.get(id) ?? {
          id,
          title: CHECKS[id],
          outcome: 'skipped' as const,
          message: stopped ? `Not checked: "${stopped.title}" did not pass.` : 'Not checked.',
        },
    );
  }
}
