import { correlationScope } from '@lib/messaging';
import { currentService } from '@lib/telemetry';
import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogSettings } from './log-settings';
import { StructuredNestLogger } from './nest-logger';
import { requestLogMiddleware } from './request-log.middleware';
import { REDACTED, REDACTED_PATHS, scrubLine } from './redaction';

/** Where log lines go: standard output unless a spec captures them. */
export type LogDestination = DestinationStream;

/**
 * A service's pino logger: one JSON object a line with `service`, `level`, `time`, and when there is one the
 * correlation id, the event's id and topic and the trace and span ids; secrets redacted (see redaction.ts).
 */
export function createStructuredLogger(
  service: string,
  settings: LogSettings,
  destination?: LogDestination,
): Logger {
  return pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'msg',
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      mixin: () => contextFields(service),
      hooks: { streamWrite: scrubLine },
    },
    destination ?? standardOutput(settings),
  );
}

function standardOutput(settings: LogSettings): DestinationStream {
  if (settings.format === 'json') return pino.destination({ fd: 1, sync: true });
  return pretty({
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    sync: true,
  });
}

/**
 * The service and the request's or event's fields. The service is the one in whose scope the work runs, which is
 * the logger's own in production; specs run several services in one process, where Nest's static logger is the last
 * one started, and the scope still names the right one.
 */
function contextFields(service: string): Record<string, string> {
  const fields: Record<string, string> = { service: currentService() ?? service };
  const scope = correlationScope();
  if (scope) {
    fields.correlationId = scope.correlationId;
    if (scope.eventId) fields.eventId = scope.eventId;
    if (scope.topic) fields.topic = scope.topic;
  }
  const span = trace.getActiveSpan()?.spanContext();
  if (span && span.traceFlags & 1) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}

/** A service's logger for Nest (its own lines and `new Logger(...)`) and its request-log middleware. */
export function serviceLogger(service: string, settings: LogSettings, destination?: LogDestination) {
  const logger = createStructuredLogger(service, settings, destination);
  return { pino: logger, nest: new StructuredNestLogger(logger), requests: requestLogMiddleware(logger) };
}
