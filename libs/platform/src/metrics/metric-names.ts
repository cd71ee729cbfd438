import type { Registry } from 'prom-client';

const SAMPLE_SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * The series names a registry exposes, as PromQL names them: a histogram `x` is `x_bucket`, `x_sum` and `x_count`.
 * Read from the metrics' definitions, nothing collected.
 */
export function seriesNamesOf(registry: Registry): Set<string> {
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const type = String((metric as unknown as { type?: string }).type ?? '');
    for (const suffix of SAMPLE_SUFFIXES[type] ?? ['']) names.add(`${metric.name}${suffix}`);
  }
  return names;
}
