export * from './service-scope';
export * from './trace-headers';
export * from './tracing';
export * from './tracing-settings';
