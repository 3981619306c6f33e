export * from './data-source.factory';
export * from './migration.runner';
export * from './naming.strategy';
export * from './transaction.util';
export * from './persistence.env';
export * from './persistence.module';
export * from './audit';
export * from './due-work.poller';
