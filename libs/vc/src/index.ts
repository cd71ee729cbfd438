export * from './contexts';
export * from './keys';
export * from './vc-jwt';
export * from './status-list';
export * from './achievement-credential';
export * from './verify-jwt';
