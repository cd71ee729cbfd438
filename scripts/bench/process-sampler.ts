import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one component of the stack used while sampled. */
export interface ProcessUsage {
  readonly name: string;
  /** CPU time over wall time, in per cent of one core. */
  readonly cpuPercent: number;
  readonly peakRssMb: number;
}

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

/**
 * Samples the CPU time and resident memory of each component of a local stack (the process groups whose leaders
 * are in the stack's pid folder: services, Kafka, the database), so a benchmark can name the next bottleneck.
 * Linux only (/proc).
 */
export class ProcessSampler {
  private readonly groups: Map<number, string>;
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private readonly peakRss = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(pidDir: string) {
    this.groups = new Map(
      readdirSync(pidDir)
        .filter((file) => file.endsWith('.pid'))
        .map((file) => [Number(readFileSync(join(pidDir, file), 'utf8').trim()), file.replace(/\.pid$/, '')]),
    );
  }

  start(intervalMs = 500): void {
    this.startedAt = Date.now();
    this.sample(this.first);
    this.timer = setInterval(() => this.sample(this.last), intervalMs);
  }

  stop(): ProcessUsage[] {
    clearInterval(this.timer);
    this.sample(this.last);
    const seconds = (Date.now() - this.startedAt) / 1000;
    return [...new Set(this.groups.values())].sort().map((name) => ({
      name,
      cpuPercent: (((this.last.get(name) ?? 0) - (this.first.get(name) ?? 0)) / seconds) * 100,
      peakRssMb: (this.peakRss.get(name) ?? 0) / 2 ** 20,
    }));
  }

  /** CPU seconds so far per component, and the peak of its summed resident memory. */
  private sample(into: Map<string, number>): void {
    const cpu = new Map<string, number>();
    const rss = new Map<string, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(entry);
      const name = stat && this.groups.get(stat.group);
      if (!stat || !name) continue;
      cpu.set(name, (cpu.get(name) ?? 0) + stat.cpuSeconds);
      rss.set(name, (rss.get(name) ?? 0) + stat.rssBytes);
    }
    for (const [name, seconds] of cpu) into.set(name, seconds);
    for (const [name, bytes] of rss) this.peakRss.set(name, Math.max(this.peakRss.get(name) ?? 0, bytes));
  }
}

/** Fields of /proc/<pid>/stat after the command name: 3 is the group, 12-13 user and system ticks, 21 rss pages. */
function readStat(pid: string): { group: number; cpuSeconds: number; rssBytes: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      group: Number(fields[2]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      rssBytes: Number(fields[21]) * PAGE_BYTES,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** The usage as lines for the benchmark's output. */
export function usageLines(usage: readonly ProcessUsage[]): string[] {
  return usage.map(
    (u) =>
      `  ${u.name.padEnd(14)} CPU ${u.cpuPercent.toFixed(0).padStart(4)}% of a core   peak RSS ${u.peakRssMb.toFixed(0).padStart(5)} MB`,
  );
}
