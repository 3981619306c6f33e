export * from './reference.types';
export * from './routing.rules';
export * from './routing-snapshot';
