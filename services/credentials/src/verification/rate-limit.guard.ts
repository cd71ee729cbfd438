import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per client. The client is the address the gateway saw: the last X-Forwarded-For hop,
 * which the gateway appends (anything before it came from the client and is not believed).
 */
@Injectable()
export class VerificationRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  /** Requests per client a minute; 0 turns the limit off. */
  private readonly limit: number;

  constructor(@Inject(CREDENTIALS_SETTINGS) settings: Pick<CredentialsSettings, 'verifyRateLimit'>) {
    this.limit = settings.verifyRateLimit;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.limit === 0) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const now = Date.now();
    const client = clientOf(request);
    let window = this.windows.get(client);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.forgetOld(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return true;
    const retryAfter = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      `Too many verification requests: at most ${this.limit} a minute. Try again in ${retryAfter} s, or send a batch.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private forgetOld(now: number): void {
    for (const [client, window] of this.windows)
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(client);
  }
}

function clientOf(request: Request): string {
  const forwarded = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',');
  return hops.at(-1)?.trim() || request.socket.remoteAddress || 'unknown';
}
