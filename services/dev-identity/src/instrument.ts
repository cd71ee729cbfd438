import { startTracingFromEnvironment } from '@lib/telemetry';

// Imported first by main.ts: tracing starts before HTTP, Express and mongoose load, so their instrumentations apply.
startTracingFromEnvironment('dev-identity');
