/** One sample of a Prometheus text exposition: `name{label="value",...} value`. */
export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PromFamily {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly help: string;
  readonly samples: PromSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * Parses the Prometheus text format (0.0.4) strictly: every sample belongs to a family declared by `# TYPE` before
 * it, with a suffix its type allows; names, labels, escapes and values are well formed; no series repeats; a
 * histogram's buckets never decrease and its `+Inf` bucket equals its count. Throws naming the line otherwise.
 */
export function parsePrometheusText(text: string): Map<string, PromFamily> {
  const families = new Map<string, PromFamily>();
  const helps = new Map<string, string>();
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${line}`);
    };
    if (line === '' || (line.startsWith('#') && !/^# (HELP|TYPE) /.test(line))) return;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (!NAME.test(name)) fail('bad metric name');
      if (kind === 'HELP') return void helps.set(name, rest);
      if (!TYPES.has(rest)) fail('unknown type');
      if (families.has(name)) fail('a second TYPE line');
      families.set(name, { name, type: rest as PromFamily['type'], help: '', samples: [] });
      return;
    }
    const sample = parseSample(line) ?? fail('not a sample');
    const family = familyOf(families, sample.name) ?? fail('a sample of no declared family');
    const series = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(series)) fail('a repeated series');
    seen.add(series);
    family.samples.push(sample);
  });
  for (const family of families.values()) {
    (family as { help: string }).help = helps.get(family.name) ?? '';
    if (family.type === 'histogram') checkHistogram(family);
  }
  return families;
}

function familyOf(families: Map<string, PromFamily>, name: string): PromFamily | undefined {
  for (const family of families.values())
    if (SUFFIXES[family.type]!.some((suffix) => `${family.name}${suffix}` === name)) return family;
  return undefined;
}

function parseSample(line: string): PromSample | undefined {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/.exec(line);
  if (!match) return undefined;
  const labels = match[3] === undefined ? {} : parseLabels(match[3]);
  const value = parseValue(match[4]!);
  if (!labels || value === undefined) return undefined;
  return { name: match[1]!, labels, value };
}

function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
  while (pair.lastIndex < text.length) {
    const match = pair.exec(text);
    if (!match || !LABEL_NAME.test(match[1]!) || match[1]! in labels) return undefined;
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

function parseValue(text: string): number | undefined {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}

function checkHistogram(family: PromFamily): void {
  const groups = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = groups.get(key) ?? { buckets: [] };
    groups.set(key, group);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      group.buckets.push([parseValue(le) ?? NaN, sample.value]);
    } else if (sample.name.endsWith('_count')) group.count = sample.value;
  }
  for (const [key, { buckets, count }] of groups) {
    buckets.sort((a, b) => a[0] - b[0]);
    buckets.forEach(([le, value], n) => {
      if (Number.isNaN(le)) throw new Error(`${family.name}${key}: a bad le`);
      if (n > 0 && value < buckets[n - 1]![1]) throw new Error(`${family.name}${key}: buckets decrease`);
    });
    const last = buckets.at(-1);
    if (!last || last[0] !== Infinity || last[1] !== count)
      throw new Error(`${family.name}${key}: the +Inf bucket is missing or differs from the count`);
  }
}

/** The value of the sample of `name` whose labels include `labels`; 0 when there is none yet. */
export function sampleValue(
  families: Map<string, PromFamily>,
  name: string,
  labels: Record<string, string> = {},
): number {
  for (const family of families.values())
    for (const sample of family.samples)
      if (sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v))
        return sample.value;
  return 0;
}

/** Fetches and strictly parses a `/metrics` answer. */
export async function scrapeMetrics(url: string): Promise<Map<string, PromFamily>> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain') || !type.includes('version=0.0.4'))
    throw new Error(`${url} is not the Prometheus text format: ${type}`);
  return parsePrometheusText(await response.text());
}
