import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCodes } from '@phoi-hop/contracts';
import { gqlError } from './gql-errors';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COMPLEXITY = 2000;

export function depthLimitRule() {
  return depthLimit(MAX_QUERY_DEPTH);
}

/** Refuses operations whose estimated cost is above MAX_QUERY_COMPLEXITY, before any resolver runs. */
export function complexityLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables ?? {},
              estimators: [simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their declared types: the caller's mistake, as Apollo itself would say.
            if (error instanceof GraphQLError) throw gqlError(ErrorCodes.BAD_USER_INPUT, error.message);
            throw error;
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw gqlError(ErrorCodes.BAD_USER_INPUT, `Query is too complex: ${complexity} > ${MAX_QUERY_COMPLEXITY}`);
          }
        },
      };
    },
  };
}
