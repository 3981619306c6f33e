import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCodes } from '@phoi-hop/contracts';

/** Who may read the schema: anyone, signed-in callers only (production default), or no one. */
export const IntrospectionModes = ['public', 'signed-in', 'off'] as const;
export type IntrospectionMode = (typeof IntrospectionModes)[number];

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Refuses introspection (`__schema`, `__type`) to callers without a verified actor, with
 * UNAUTHENTICATED and HTTP 401; `__typename` stays open (clients need it for every union).
 */
export function introspectionGuardPlugin(): ApolloServerPlugin<{ actor: unknown; authError: Error | null }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.actor || !introspects(document)) return;
          throw new GraphQLError('Introspection requires a signed-in caller', { extensions: { code: ErrorCodes.UNAUTHENTICATED, http: { status: 401 } } });
        },
      };
    },
  };
}
