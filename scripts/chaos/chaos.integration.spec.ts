import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testIdentityProvider, testStack } from '@lib/testing';
import { timelineLine } from './fault-injector';
import { startProcessStack } from './process-stack';
import { reportLines } from './report-lines';
import { runChaos } from './run-chaos';

const LEARNERS = 200;
const SEED = 1;

/**
 * The chaos check of docs/reliability.md, smaller, on a system of the spec's own (a database, a Kafka broker and the
 * five built services, each its own process on free ports), so the faults never touch what other specs use: every
 * service killed with SIGKILL, Kafka stopped, the database stopped and killed, once each and a few seconds apart,
 * while four cohorts go through the registrar's path.
 */
describe('the chaos check on a system of its own', () => {
  it(
    `gives each of ${LEARNERS} learners exactly one credential, copy and issued event, with no dead letter, through every fault kind`,
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'credit-bridge-chaos-'));
      // The run's live log goes to a file as it happens, to follow a long run and to read after a failure.
      const runLog = join(folder, 'chaos.log');
      const log = (line: string) => appendFileSync(runLog, `${new Date().toISOString()} ${line}\n`);
      let kept = true;
      const stack = await startProcessStack({
        databaseLauncher: testStack().databaseLauncher,
        kafkaLauncher: testStack().kafkaLauncher,
        jwksFile: testIdentityProvider().jwksFile,
        logDir: folder,
      });
      log(
        `system up: gateway ${stack.gatewayUrl}, Kafka ${stack.brokers.join(',')}, database ${stack.mongoUrl}`,
      );
      try {
        const report = await runChaos({
          learners: LEARNERS,
          seed: SEED,
          maxMinutes: 11,
          cohorts: 4,
          gatewayUrl: stack.gatewayUrl,
          serviceUrls: stack.serviceUrls,
          brokers: stack.brokers,
          mongoUrl: stack.mongoUrl,
          faults: stack.faults,
          identityProvider: testIdentityProvider(),
          timings: { gap: [2000, 5000], serviceDown: [0, 1000], dependencyDown: [3000, 6000] },
          // Longer than the event consumer's watchdog (2 minutes without a fetch), which rebuilds a silent consumer.
          quietMs: 180000,
          readyTimeoutMs: 90000,
          log,
        });
        const summary = reportLines(report);
        for (const line of summary) log(line);
        console.log(`chaos: ${LEARNERS} learners, seed ${SEED}\n${summary.join('\n')}`);
        expect({
          driverError: report.driverError,
          notRecovered: report.timeline.filter((r) => r.stuck || r.error).map(timelineLine),
          faults: report.timeline.length,
          settled: report.settled,
          issued: report.verdict.issued,
          lost: report.verdict.lost,
          duplicated: report.verdict.duplicated,
          deadLetters: [...report.counts.deadLetters.reasons.keys()],
        }).toEqual({
          driverError: undefined,
          notRecovered: [],
          faults: stack.faults.services.length + 3,
          settled: true,
          issued: LEARNERS,
          lost: 0,
          duplicated: 0,
          deadLetters: [],
        });
        expect(report.passed).toBe(true);
        kept = false;
      } finally {
        // A failed run keeps the services' output, the run's log and the data (database, Kafka) to look into.
        if (kept) {
          await stack.stop();
          console.log(`chaos: logs in ${folder}; data in ${stack.dataDirs.join(' and ')}`);
        } else {
          await stack.remove();
          rmSync(folder, { recursive: true, force: true });
        }
      }
    },
    // A hang guard only: the run stops itself after 11 minutes, and starting the system takes about one.
    15 * 60000,
  );
});
