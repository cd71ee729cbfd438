export * from './duplicate-key';
export * from './ping';
export * from './record-schema';
export * from './pagination';
export * from './keyed-mutex';
export * from './insert-once';
export * from './map-concurrently';
export * from './outbox-signal';
