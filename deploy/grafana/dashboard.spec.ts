import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  httpMetricsMiddleware,
  promEventMetrics,
  registerMessagingMetrics,
  seriesNamesOf,
  ServiceMetrics,
} from '@lib/platform';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { CredentialMetrics } from '../../services/credentials/src/common/credential-metrics';

interface Target {
  refId: string;
  expr: string;
  datasource?: { uid?: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
}

const dashboard = JSON.parse(readFileSync(join(__dirname, 'credit-bridge-dashboard.json'), 'utf8')) as {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown }[] };
};
const queryPanels = dashboard.panels.filter((panel) => panel.type !== 'row');
const expressions = queryPanels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

/** Every series a domain service, the gateway and the credentials service export, from their registries' definitions. */
function exportedNames(): Set<string> {
  const metrics = new ServiceMetrics('credentials');
  httpMetricsMiddleware(metrics.registry);
  promEventMetrics(metrics.registry);
  registerMessagingMetrics(metrics, {
    kafka: {} as Kafka,
    db: { collection: () => ({}) } as unknown as Db,
    groupId: 'group',
    topics: [],
    topicPrefix: '',
  });
  new CredentialMetrics(metrics);
  return seriesNamesOf(metrics.registry);
}

const FUNCTIONS_AND_KEYWORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'topk',
  'bottomk',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'rate',
  'irate',
  'increase',
  'histogram_quantile',
  'and',
  'or',
  'unless',
  'offset',
]);

/** The metric names a PromQL expression reads: identifiers left once strings, matchers, ranges and groupings go. */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .filter((match) => !/^\s*\(/.test(bare.slice(match.index + match[0].length)))
    .map((match) => match[0])
    .filter((name) => !FUNCTIONS_AND_KEYWORDS.has(name));
}

describe('the Grafana dashboard', () => {
  it('is a dashboard model with a Prometheus data-source variable every query uses', () => {
    expect(dashboard).toMatchObject({ uid: expect.any(String), title: expect.any(String) });
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of queryPanels) {
      const { x, w, h } = panel.gridPos;
      expect([panel.title, x >= 0 && w > 0 && h > 0 && x + w <= 24]).toEqual([panel.title, true]);
      expect(panel.datasource?.uid).toBe('${datasource}');
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets!) expect(target.datasource?.uid).toBe('${datasource}');
    }
  });

  it('reads only metrics the services export, in balanced expressions', () => {
    const exported = exportedNames();
    for (const expr of expressions) {
      const names = metricNamesIn(expr);
      expect([expr, names.length > 0]).toEqual([expr, true]);
      expect([expr, names.filter((name) => !exported.has(name))]).toEqual([expr, []]);
      for (const [open, close] of [
        ['(', ')'],
        ['{', '}'],
        ['[', ']'],
      ] as const)
        expect([expr, expr.split(open).length]).toEqual([expr, expr.split(close).length]);
    }
  });

  it('has a panel for every metric family of ours and the process metrics asked for', () => {
    const read = new Set(expressions.flatMap(metricNamesIn));
    const ours = [...exportedNames()].filter(
      (name) => name.startsWith('credit_bridge_') || name.startsWith('http_'),
    );
    const families = new Set(ours.map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    for (const family of families)
      expect([family, [...read].some((name) => name.startsWith(family))]).toEqual([family, true]);
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds'])
      expect(read.has(name)).toBe(true);
  });

  it('finds the metric names of an expression, and nothing else', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{service=~"a|b", x="rate("}[$__rate_interval]))) / on (route) group_left other_total',
      ),
    ).toEqual(['http_request_duration_seconds_bucket', 'other_total']);
  });
});
