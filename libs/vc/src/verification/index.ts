export * from './result';
export * from './context';
export * from './input';
export * from './shape';
export * from './verify-credential';
export * from './http-source';
export * from './remote-issuers';
export * from './server-context';
