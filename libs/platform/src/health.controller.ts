import { Public } from '@lib/auth';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodResponse } from './api-responses';
import { type ReadinessCheck, withTimeout } from './readiness';
import { READINESS_CHECKS, SERVICE_NAME } from './tokens';

const healthView = z.object({ status: z.literal('ok'), service: z.string() });
const readinessView = z.object({
  status: z.enum(['ready', 'not-ready']),
  service: z.string(),
  checks: z.record(z.string(), z.enum(['up', 'down'])),
  // Each check's own detail (paused partitions, lag): open-ended, for people and dashboards.
  detail: z.record(z.string(), z.unknown()),
});

/** `/health`: the process is up. `/ready`: its database and Kafka answer, so it can do its work. */
@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'The process is up' })
  @ApiZodResponse(healthView, { description: 'The process is up' })
  health(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.service };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'The database and Kafka are reachable and events are being consumed (200), or not (503)',
    description:
      'The detail lists partitions paused because their next event cannot be handled yet (where, why, since when, ' +
      'the next try) and how many messages each partition lags behind.',
  })
  @ApiZodResponse(readinessView, { description: 'Ready: every check is up' })
  // Not the error shape: the same report, with the checks that are down.
  @ApiZodResponse(readinessView, { status: 503, description: 'Not ready: some check is down' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<{
    status: string;
    service: string;
    checks: Record<string, string>;
    detail: Record<string, unknown>;
  }> {
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await withTimeout(check.isReady(), 2500)] as const),
    );
    const ready = results.every(([, up]) => up);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      service: this.service,
      checks: Object.fromEntries(results.map(([name, up]) => [name, up ? 'up' : 'down'])),
      detail: Object.fromEntries(
        this.checks.flatMap((check) => (check.detail ? [[check.name, check.detail()] as const] : [])),
      ),
    };
  }
}
