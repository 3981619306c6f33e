import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, complexityLimitPlugin, depthLimitRule } from './query-limits';

const schema = buildSchema(`
  type Query { item(n: Int!): Int, items: [Int], node: Node }
  type Node { id: Int, child: Node }
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

  it('answers a refused query with HTTP 400, not 500', async () => {
    const response = await sut.executeOperation({ query: `{ ${fields(MAX_QUERY_COMPLEXITY + 1)} }` });
    expect(response.http.status).toBe(400);
  });

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

describe(depthLimitRule.name, () => {
  let sut: ApolloServer;
  const nested = (depth: number): string => (depth === 0 ? 'id' : `child { ${nested(depth - 1)} }`);

  beforeAll(async () => {
    sut = new ApolloServer({ schema, validationRules: [depthLimitRule()], plugins: [complexityLimitPlugin()], rootValue: { node: () => null } });
    await sut.start();
  });
  afterAll(() => sut.stop());

  it('lets a query at the depth limit through and refuses one deeper, with HTTP 400', async () => {
    expect((await run(sut, `{ node { ${nested(MAX_QUERY_DEPTH - 1)} } }`)).errors).toBeUndefined();
    const response = await sut.executeOperation({ query: `{ node { ${nested(MAX_QUERY_DEPTH)} } }` });
    expect(response.http.status).toBe(400);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 8/);
  });

  it('counts the depth through fragments', async () => {
    const query = `{ node { ...Deep } } fragment Deep on Node { ${nested(MAX_QUERY_DEPTH)} }`;
    expect((await run(sut, query)).errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
  });

  it.each([
    ['through fields', `{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }`],
    ['without fields between the spreads', `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`],
    ['of a fragment spreading itself', `{ node { ...A } } fragment A on Node { id ...A }`],
  ])('does not crash on a fragment cycle %s: the document is refused as invalid (HTTP 400)', async (_how, query) => {
    const response = await sut.executeOperation({ query });
    expect(response.http.status).toBe(400);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors?.map((e) => e.extensions?.['code'])).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.singleResult.errors?.map((e) => e.message).join(' ')).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('does not crash on a spread of an unknown fragment', async () => {
    const response = await sut.executeOperation({ query: '{ node { ...Missing } }' });
    expect(response.http.status).toBe(400);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors?.[0]?.message).toBe('Unknown fragment "Missing".');
  });
});
