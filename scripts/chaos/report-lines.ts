import { timelineLine } from './fault-injector';
import type { ChaosReport } from './run-chaos';
import { detailLine } from './verdict';

/** The run's summary as printed after the live log: the fault timeline, the retries, the counts, the verdict line. */
export function reportLines(report: ChaosReport): string[] {
  const retried = [...report.retried].map(([status, n]) => `${n} x ${status}`).join(', ');
  const stuck = report.timeline.filter((record) => record.stuck || record.error);
  return [
    'fault timeline (seconds since the start):',
    ...report.timeline.map((record) => `  ${timelineLine(record)}`),
    `driver retried: ${retried || 'nothing'}${report.driverError ? `; stopped early: ${report.driverError}` : ''}`,
    detailLine(report.verdict),
    ...[...report.counts.deadLetters.reasons].map(([reason, n]) => `dead letter x${n}: ${reason}`),
    ...(stuck.length > 0
      ? [`not recovered after ${stuck.length} fault(s): see NOT READY / FAILED above`]
      : []),
    report.line,
  ];
}
