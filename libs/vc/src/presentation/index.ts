export * from './presentation-checks';
export * from './presentation-shape';
export * from './verify-presentation-proof';
