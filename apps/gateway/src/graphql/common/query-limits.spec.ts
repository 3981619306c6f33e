import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { MAX_QUERY_COMPLEXITY, complexityLimitPlugin } from './query-limits';

const schema = buildSchema(`
  type Query { item(n: Int!): Int, items: [Int] }
`);

async function run(server: ApolloServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe(complexityLimitPlugin.name, () => {
  let sut: ApolloServer;
  const fields = (count: number) => Array.from({ length: count }, (_, i) => `f${i}: items`).join(' ');

  beforeAll(async () => {
    sut = new ApolloServer({ schema, plugins: [complexityLimitPlugin()], rootValue: { item: ({ n }: { n: number }) => n, items: () => [] } });
    await sut.start();
  });
  afterAll(() => sut.stop());

  it('refuses a document over the limit every time, also once its complexity is known', async () => {
    const query = `{ ${fields(MAX_QUERY_COMPLEXITY + 1)} }`;
    for (let i = 0; i < 2; i++) {
      const result = await run(sut, query);
      expect(result.errors?.[0]).toMatchObject({ message: `Query is too complex: ${MAX_QUERY_COMPLEXITY + 1} > ${MAX_QUERY_COMPLEXITY}`, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('counts @include on a variable per request', async () => {
    const query = `query($big: Boolean!) { items ...@include(if: $big) { ${fields(MAX_QUERY_COMPLEXITY)} } }`;
    expect((await run(sut, query, { big: false })).errors).toBeUndefined();
    expect((await run(sut, query, { big: true })).errors?.[0]?.message).toMatch(/Query is too complex/);
    expect((await run(sut, query, { big: false })).errors).toBeUndefined();
  });

  it('still refuses variables that do not fit once the document is known', async () => {
    const query = `query($n: Int = 1) { item(n: $n) }`;
    expect(await run(sut, query, { n: 2 })).toEqual({ data: { item: 2 } });
    expect((await run(sut, query, { n: null })).errors?.[0]).toMatchObject({ message: 'Argument "n" of non-null type "Int!" must not be null.', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await run(sut, query, { n: 'two' })).errors?.[0]).toMatchObject({ message: expect.stringMatching(/Int cannot represent non-integer value/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await run(sut, query, { n: 3 })).toEqual({ data: { item: 3 } });
  });
});
