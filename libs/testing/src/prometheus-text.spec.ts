import { Counter, Histogram, Registry } from 'prom-client';
import { parsePrometheusText, sampleValue } from './prometheus-text';

describe('the strict Prometheus text parser', () => {
  it('reads what prom-client writes, labels with escapes included', async () => {
    const registry = new Registry();
    const counter = new Counter({ name: 'a_total', help: 'A', labelNames: ['x'], registers: [registry] });
    counter.inc({ x: 'quote " back \\ line\nend' }, 2);
    const histogram = new Histogram({
      name: 'b_seconds',
      help: 'B',
      buckets: [0.1, 1],
      registers: [registry],
    });
    histogram.observe(0.5);
    const families = parsePrometheusText(await registry.metrics());
    expect(families.get('a_total')).toMatchObject({ type: 'counter', help: 'A' });
    expect(sampleValue(families, 'a_total', { x: 'quote " back \\ line\nend' })).toBe(2);
    expect(sampleValue(families, 'b_seconds_bucket', { le: '0.1' })).toBe(0);
    expect(sampleValue(families, 'b_seconds_bucket', { le: '1' })).toBe(1);
    expect(sampleValue(families, 'b_seconds_count')).toBe(1);
  });

  it.each([
    ['a sample before its TYPE', 'x_total 1\n# TYPE x_total counter\n'],
    ['a bad value', '# TYPE x gauge\nx one\n'],
    ['an unquoted label', '# TYPE x gauge\nx{a=b} 1\n'],
    ['a repeated series', '# TYPE x gauge\nx{a="1"} 1\nx{a="1"} 2\n'],
    ['a suffix the type does not allow', '# TYPE x gauge\nx_bucket 1\n'],
    [
      'decreasing buckets',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 1\n',
    ],
    ['a count unlike the +Inf bucket', '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\nh_sum 1\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
