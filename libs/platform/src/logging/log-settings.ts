import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a service writes its log: JSON lines (for collectors) or readable lines (for a developer's terminal). */
export interface LogSettings {
  readonly level: LogLevel;
  readonly format: 'json' | 'pretty';
}

/** The logging variables of every service's schema. */
export const logEnvironmentSchema = {
  /** Default: info, and warn under test so spec output stays quiet. */
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  /** Default: pretty in development, json otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
};

export function logSettingsOf(
  environment: 'development' | 'test' | 'production',
  values: { LOG_LEVEL?: LogLevel | undefined; LOG_FORMAT?: 'json' | 'pretty' | undefined },
): LogSettings {
  return {
    level: values.LOG_LEVEL ?? (environment === 'test' ? 'warn' : 'info'),
    format: values.LOG_FORMAT ?? (environment === 'development' ? 'pretty' : 'json'),
  };
}
