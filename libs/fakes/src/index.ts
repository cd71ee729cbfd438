/** Hand-written in-memory fakes for unit specs: small helpers with no dependencies, so unit specs load fast. */
export * from './fakes';
