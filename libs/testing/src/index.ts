export * from './test-environment';
export * from './graphql-client';
export * from './fixtures';
export * from './smtp-sink';
export * from './digest-feeds';
