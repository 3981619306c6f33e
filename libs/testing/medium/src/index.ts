export * from './service-testbed';
