import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Every paged list of the schema is a Relay connection, `{ edges { cursor node } pageInfo
 * { hasNextPage endCursor } totalCount }`, with the one PageInfo type (page-info.model.ts) and
 * cursors from the one codec of libs/contracts (encodeCursor/decodeCursor).
 */

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, depth = 0): boolean {
  if (!selectionSet || depth > 10) return false;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, name, info, depth + 1);
    const fragment = info.fragments[selection.name.value];
    return fragment ? selects(fragment.selectionSet, name, info, depth + 1) : false;
  });
}

/** Whether the query selects `field` (e.g. totalCount) on the connection being resolved: a count costs a query. */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, field, info));
}
