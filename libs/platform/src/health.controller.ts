import { Public } from '@lib/auth';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type ReadinessCheck, withTimeout } from './readiness';
import { READINESS_CHECKS, SERVICE_NAME } from './tokens';

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
