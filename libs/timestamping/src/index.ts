export * from './rfc3161';
