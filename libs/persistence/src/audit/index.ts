export * from './audit-hash';
export * from './audit-tables.migration';
export * from './audit.writer';
export * from './audit.verifier';
export * from './audit.reader';
