import type { NestExpressApplication } from '@nestjs/platform-express';
import { answerClientErrorsInErrorShape } from './client-errors';
import { securityHeaders } from './security-headers';

/**
 * What every service and the gateway do to their HTTP server before anything else is registered: security headers on
 * every response, no `X-Powered-By`, parser refusals (oversize headers) in the error shape, and which proxies to
 * believe about the original protocol (`trustProxy`, from TRUST_PROXY; none by default).
 */
export function hardenHttp(app: NestExpressApplication, trustProxy: readonly string[] | undefined): void {
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy ? [...trustProxy] : false);
  app.use(securityHeaders);
  answerClientErrorsInErrorShape(app.getHttpServer());
}
