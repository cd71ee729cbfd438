import { Controller, Get, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Registry } from 'prom-client';
import { httpMetricsMiddleware, UNMATCHED_ROUTE } from './http-metrics';

@Controller('api/things')
class ThingsController {
  @Get(':thingId')
  one(@Param('thingId') thingId: string) {
    return { thingId };
  }

  @Post(':thingId/parts/:partId')
  part() {
    return {};
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('HTTP request metrics', () => {
  const registry = new Registry();
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ThingsModule, { logger: false });
    app.use(httpMetricsMiddleware(registry));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(() => app.close());

  const labelSets = async (): Promise<Record<string, string | number>[]> =>
    (await registry.getSingleMetric('http_request_duration_seconds')!.get()).values
      .filter(
        (value) => (value as { metricName?: string }).metricName === 'http_request_duration_seconds_count',
      )
      .map((value) => ({ ...value.labels, count: value.value }));

  it('labels a request by its route pattern and status, whatever ids its URL holds', async () => {
    for (const id of ['0f8b1c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f', 'a', 'b'])
      expect((await fetch(`${url}/api/things/${id}`)).status).toBe(200);
    await fetch(`${url}/api/things/x/parts/y`, { method: 'POST' });
    await fetch(`${url}/api/nothing/0f8b1c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f?secret=1`);
    await fetch(`${url}/api/things/a`, { method: 'BREW' }).catch(() => undefined);
    const sets = await labelSets();
    expect(sets).toEqual(
      expect.arrayContaining([
        { method: 'GET', route: '/api/things/:thingId', status: '200', count: 3 },
        { method: 'POST', route: '/api/things/:thingId/parts/:partId', status: '201', count: 1 },
        { method: 'GET', route: UNMATCHED_ROUTE, status: '404', count: 1 },
      ]),
    );
    const routes = new Set(sets.map((set) => set.route));
    expect([...routes].every((route) => !/0f8b1c9e|\/a$|\/b$|secret/.test(String(route)))).toBe(true);
    expect(sets.every((set) => ['GET', 'POST', 'OTHER'].includes(String(set.method)))).toBe(true);
  });
});
