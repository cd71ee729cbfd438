export * from './duplicate-key';
export * from './ping';
