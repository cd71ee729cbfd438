export * from './log-settings';
export * from './nest-logger';
export * from './redaction';
export * from './request-log.middleware';
export * from './structured-logger';
