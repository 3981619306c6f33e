export * from './telemetry';
export * from './trace-context';
export * from './logger';
export * from './metrics';
export * from './health';
export * from './http-hardening';
export * from './in-flight';
