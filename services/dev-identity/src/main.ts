import { runMain } from '@lib/platform';
import { loadDevIdentityConfig, SERVICE_NAME } from './dev-identity.definition';
import { startDevIdentity } from './server';

// async, so a configuration refusal is reported in one line like a failed start.
runMain(SERVICE_NAME, async () => startDevIdentity(loadDevIdentityConfig()));
