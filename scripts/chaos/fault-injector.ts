import type { PlannedFault } from './fault-plan';
import { describeFault, type FaultTarget, inject, repair } from './fault-target';

/** What happened to one fault, for the timeline (times in ms since the run started). */
export interface FaultRecord {
  at: number;
  what: string;
  /** How long the component was away: from the fault until its start script returned (ready). */
  backAfter?: number;
  /** From the component's return until every service answered `/ready` 200. */
  allReadyAfter?: number;
  /** Services still not ready when the wait gave up. */
  stuck?: string[];
  error?: string;
}

export interface InjectorOptions {
  target: FaultTarget;
  plan: readonly PlannedFault[];
  /** The services whose `/ready` is not 200 now. */
  notReady: () => Promise<string[]>;
  /** ms since the run started. */
  clock: () => number;
  /** The injector stops planning new faults once this returns true (the run's time is up). */
  expired: () => boolean;
  log: (line: string) => void;
  /** Called as each fault is injected, before its component comes back. */
  onInjected?: () => void;
  readyTimeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits until every service is ready; resolves with the ones still not ready after `timeoutMs` (none: all ready). */
async function untilAllReady(notReady: () => Promise<string[]>, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting = await notReady();
    if (waiting.length === 0 || Date.now() > deadline) return waiting;
    await sleep(1000);
  }
}

/**
 * Runs the faults one after another: wait the planned gap, take the component away, leave it down for the planned
 * time, bring it back, then wait until every service is ready again (or note which are stuck and go on).
 */
export async function injectFaults(options: InjectorOptions): Promise<FaultRecord[]> {
  const { target, plan, notReady, clock, expired, log } = options;
  const timeline: FaultRecord[] = [];
  for (const { fault, gapMs, downMs } of plan) {
    await sleep(gapMs);
    if (expired()) break;
    const record: FaultRecord = { at: clock(), what: describeFault(fault) };
    timeline.push(record);
    try {
      log(`+${seconds(record.at)} fault: ${record.what}`);
      await inject(target, fault);
      options.onInjected?.();
      await sleep(downMs);
      await repair(target, fault);
      record.backAfter = clock() - record.at;
      const back = clock();
      const stuck = await untilAllReady(notReady, options.readyTimeoutMs ?? 180000);
      if (stuck.length > 0) record.stuck = stuck;
      else record.allReadyAfter = clock() - back;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    log(timelineLine(record));
  }
  return timeline;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** One line of the fault timeline. */
export function timelineLine(record: FaultRecord): string {
  const parts = [`+${seconds(record.at).padStart(8)}  ${record.what}`];
  if (record.backAfter !== undefined) parts.push(`back after ${seconds(record.backAfter)}`);
  if (record.allReadyAfter !== undefined)
    parts.push(`all services ready ${seconds(record.allReadyAfter)} later`);
  if (record.stuck) parts.push(`NOT READY after the wait: ${record.stuck.join(', ')}`);
  if (record.error) parts.push(`FAILED: ${record.error}`);
  return parts.join('; ');
}
