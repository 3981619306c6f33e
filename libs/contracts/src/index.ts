export * from './subjects';
export * from './common/error-codes';
export * from './common/actor';
export * from './common/codes';
export * from './common/event-envelope';
export * from './directory/directory.dto';
export * from './intake/intake.dto';
export * from './audit/audit.dto';
