export * from './roles';
export * from './key-set';
export * from './access-token';
export * from './dev-identity-provider';
export * from './auth-settings';
export * from './auth.decorators';
export * from './access-token.guard';
export * from './token-times';
