import type { ReadinessCheck } from '@lib/platform';

/** The gateway is ready when every service behind it says it is. */
export class UpstreamReadiness implements ReadinessCheck {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
  ) {}

  async isReady(): Promise<boolean> {
    const response = await fetch(new URL('/ready', this.baseUrl), { signal: AbortSignal.timeout(2000) });
    return response.ok;
  }
}
