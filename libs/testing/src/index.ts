export * from './test-stack';
export * from './names';
export * from './wait-for';
export * from './free-port';
export * from './ferretdb-process';
export * from './event-factories';
export * from './test-auth';
