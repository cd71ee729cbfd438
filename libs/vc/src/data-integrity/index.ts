export * from './base58btc';
export * from './ed25519-keys';
export * from './did-key';
export * from './document-loader';
export * from './canonicalise';
export * from './eddsa-rdfc-2022';
export * from './sign-data-integrity';
export * from './verify-data-integrity';
