import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { selectsField } from './connection';

/** The resolve info of the query's first root field, as far as selectsField reads it. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe(selectsField.name, () => {
  it('sees a field selected directly, in an inline fragment or in a named one', () => {
    expect(selectsField(infoOf('{ cases { totalCount edges { cursor } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ cases { ... on CaseConnection { totalCount } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ cases { ...Page } } fragment Page on CaseConnection { pageInfo { hasNextPage } totalCount }'), 'totalCount')).toBe(true);
  });

  it('does not see a field selected deeper down, or not at all', () => {
    expect(selectsField(infoOf('{ cases { edges { node { reports { totalCount } } } } }'), 'totalCount')).toBe(false);
    expect(selectsField(infoOf('{ cases { edges { cursor } } }'), 'totalCount')).toBe(false);
    expect(selectsField(infoOf('{ cases { ...Missing } }'), 'totalCount')).toBe(false);
  });
});
