export * from './test-environment';
export * from './graphql-client';
export * from './fixtures';
export * from './smtp-sink';
export * from './pictures';
export * from './local-s3';
export * from './local-tsa';
export * from './synthetic-events';
