import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSchema } from 'graphql';
import { noStorePlugins } from './cache-control.plugin';

const schema = buildSchema(`type Query { item: Item, fail: Int! } type Item { id: ID }`);
const rootValue = {
  item: () => ({ id: '1' }),
  fail: () => {
    throw new Error('no');
  },
};

async function cacheControlOf(plugins: ApolloServerPlugin[], query: string): Promise<string | undefined> {
  const server = new ApolloServer({ schema, rootValue, plugins });
  await server.start();
  try {
    return (await server.executeOperation({ query })).http.headers.get('cache-control');
  } finally {
    await server.stop();
  }
}

describe(noStorePlugins.name, () => {
  it.each(['{ item { id } }', '{ __typename }', '{ fail }', '{ nope }', '{'])('answers %s with no-store, as Apollo does by default', async (query) => {
    expect(await cacheControlOf(noStorePlugins(), query)).toBe('no-store');
    expect(await cacheControlOf([], query)).toBe('no-store');
  });
});
