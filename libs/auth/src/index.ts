export * from './auth.errors';
export * from './token-verifier';
export * from './actor.context';
export * from './policy';
export * from './auth.env';
export * from './caching-token-verifier';
export * from './access-policy';
