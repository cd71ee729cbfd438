import type { DevIdentityProvider } from '@lib/auth';
import { TOPICS } from '@lib/contracts';
import { createKafka, silentLogger } from '@lib/messaging';
import { MongoClient } from 'mongodb';
import { beforeDeadline } from './deadline';
import { type FaultRecord, injectFaults } from './fault-injector';
import { DEFAULT_TIMINGS, planFaults, type PlanTimings } from './fault-plan';
import type { FaultTarget } from './fault-target';
import { type Counts, countOutcomes, type CountSources, deadLetterEnds } from './outcome-count';
import { FaultProgress } from './fault-progress';
import { type DrivenCohort, driveCohort } from './registrar-driver';
import { untilSettled } from './settle';
import { endOffsets } from './topic-reader';
import { passed, type Verdict, verdictLine } from './verdict';

export interface ChaosOptions {
  learners: number;
  seed: number;
  maxMinutes: number;
  /** The learners go through this many offerings one after another, so the faults meet work in flight. */
  cohorts?: number;
  gatewayUrl: string;
  /** Each service's own base URL, for its `/ready`. */
  serviceUrls: Record<string, string>;
  brokers: string[];
  mongoUrl: string;
  credentialsDatabase?: string;
  recognitionDatabase?: string;
  faults: FaultTarget;
  /** Mints the driver's tokens; the development identity provider `make up` trusts if left out. */
  identityProvider?: DevIdentityProvider;
  timings?: PlanTimings;
  /** Counts unchanged this long with something missing end the wait (default two minutes). */
  quietMs?: number;
  /** How long after a fault every service may take to be ready again before it counts as stuck (default 3 minutes). */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  verdict: Verdict;
  /** The verdict line, as printed. */
  line: string;
  /** Nothing lost, duplicated or dead-lettered, settled in time, and every service ready again after every fault. */
  passed: boolean;
  settled: boolean;
  timeline: FaultRecord[];
  counts: Counts;
  /** Why the driver stopped early, if it did. */
  driverError?: string;
  /** Transient failures the driver retried, by status. */
  retried: Map<string, number>;
}

/** Sizes of `cohorts` groups that add up to `learners`. */
function cohortSizes(learners: number, cohorts: number): number[] {
  return Array.from(
    { length: cohorts },
    (_, n) => Math.floor((learners * (n + 1)) / cohorts) - Math.floor((learners * n) / cohorts),
  );
}

async function notReady(serviceUrls: Record<string, string>): Promise<string[]> {
  const answers = await Promise.all(
    Object.entries(serviceUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3000) });
        return response.ok ? undefined : name;
      } catch {
        return name;
      }
    }),
  );
  return answers.filter((name): name is string => name !== undefined);
}

/**
 * The chaos check: drives the learners through the public API while the faults happen, then waits for the counts
 * to settle and counts, per learner, credentials, recognition's copies, issued events and dead letters.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = Date.now();
  const deadline = startedAt + options.maxMinutes * 60000;
  const clock = () => Date.now() - startedAt;
  const sources = await countSources(options);
  try {
    const driven: DrivenCohort[] = [];
    const retried = new Map<string, number>();
    const progress = new FaultProgress();
    const driving = drive(options, { deadline, driven, retried, progress }, (line) =>
      log(`+${(clock() / 1000).toFixed(1)} s ${line}`),
    );
    const timeline = await injectFaults({
      target: options.faults,
      plan: planFaults(options.faults.services, options.seed, options.timings ?? DEFAULT_TIMINGS),
      notReady: () => notReady(options.serviceUrls),
      clock,
      expired: () => Date.now() > deadline,
      log,
      onInjected: () => progress.injectedOne(),
      readyTimeoutMs: options.readyTimeoutMs,
    });
    progress.finish();
    // Settling is timed from the moment the last fault's component was back, not from the readiness wait's end.
    const last = timeline.at(-1);
    const lastFaultAt = last ? startedAt + last.at + (last.backAfter ?? 0) : Date.now();
    const driverError = await driving;
    const outcome = await untilSettled({
      expected: options.learners,
      count: () =>
        countOutcomes(
          sources,
          driven.map((cohort) => cohort.offeringId),
          driven.flatMap((cohort) => cohort.learnerIds),
        ),
      deadline,
      quietMs: options.quietMs ?? 120000,
      log,
    });
    const line = verdictLine(
      outcome.verdict,
      Math.max(0, outcome.lastChangeAt - lastFaultAt),
      outcome.settled,
    );
    return {
      verdict: outcome.verdict,
      line,
      passed: outcome.settled && passed(outcome.verdict) && timeline.every((r) => !r.stuck && !r.error),
      settled: outcome.settled,
      timeline,
      counts: outcome.counts,
      driverError,
      retried,
    };
  } finally {
    await sources.mongo.close();
  }
}

/** Where the counts are read, with the topics' ends now: what is produced after this is the run's. */
async function countSources(options: ChaosOptions): Promise<CountSources> {
  const kafka = createKafka({ brokers: options.brokers, clientId: 'chaos', logger: silentLogger });
  return {
    kafka,
    mongo: new MongoClient(options.mongoUrl),
    credentialsDatabase: options.credentialsDatabase ?? 'credit_bridge_credentials',
    recognitionDatabase: options.recognitionDatabase ?? 'credit_bridge_recognition',
    issuedFrom: await endOffsets(kafka, TOPICS.credentialsCredentialIssued),
    deadLettersFrom: await deadLetterEnds(kafka),
  };
}

/** What the driver shares with the rest of the run. */
interface DriveState {
  deadline: number;
  /** The cohorts driven to the end, as they finish. */
  driven: DrivenCohort[];
  retried: Map<string, number>;
  progress: FaultProgress;
}

/**
 * The cohorts one after another, cohort n starting once the n-th fault has begun; resolves with why it stopped
 * early, or undefined when every cohort is through.
 */
async function drive(
  options: ChaosOptions,
  { deadline, driven, retried, progress }: DriveState,
  log: (line: string) => void,
): Promise<string | undefined> {
  const sizes = cohortSizes(options.learners, Math.min(options.cohorts ?? 8, options.learners));
  for (const [index, learners] of sizes.entries()) {
    await progress.reached(index);
    try {
      const cohort = await beforeDeadline(
        driveCohort({
          gatewayUrl: options.gatewayUrl,
          identityProvider: options.identityProvider,
          learners,
          deadline,
          log,
          retried,
        }),
        deadline,
        `cohort ${index + 1}`,
      );
      driven.push(cohort);
      log(
        `driver: cohort ${index + 1}/${sizes.length} (${learners} learners) enrolled, completed, marked, ratified`,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`driver: cohort ${index + 1}/${sizes.length} stopped: ${reason}`);
      return reason;
    }
  }
  return undefined;
}
