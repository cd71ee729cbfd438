import { Logger } from '@nestjs/common';
import { ConfigError } from './service-config';

/** The body of every `main.ts`: start, or say in one line why not and exit non-zero. */
export function runMain(service: string, start: () => Promise<{ getUrl(): Promise<string> }>): void {
  start()
    .then(async (app) => new Logger(service).log(`listening on ${await app.getUrl()}`))
    .catch((error: unknown) => {
      const message =
        error instanceof ConfigError
          ? error.message
          : `${service} failed to start: ${(error as Error)?.message ?? error}`;
      console.error(message);
      process.exit(1);
    });
}
