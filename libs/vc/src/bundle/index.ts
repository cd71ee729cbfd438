export * from './bundle-format';
export * from './bundle-seal';
export * from './offline-context';
export * from './verify-bundle';
export * from './trust-snapshot';
