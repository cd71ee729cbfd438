export * from './duplicate-key';
export * from './database-url';
export * from './ping';
