import './instrument';
import { runMain, serviceLogger } from '@lib/platform';
import { Logger } from '@nestjs/common';
import { loadDevIdentityConfig, SERVICE_NAME } from './dev-identity.definition';
import { startDevIdentity } from './server';

// async, so a configuration refusal is reported in one line like a failed start.
runMain(SERVICE_NAME, async () => {
  const config = loadDevIdentityConfig();
  Logger.overrideLogger(serviceLogger(SERVICE_NAME, config.logging).nest);
  return startDevIdentity(config);
});
