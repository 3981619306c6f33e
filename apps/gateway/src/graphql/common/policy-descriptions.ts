import type { GraphQLSchema } from 'graphql';
import { GRAPHQL_POLICY, type PolicyEntry } from '@phoi-hop/auth';
import { withInputRuleDescriptions } from './input-rules';

/** The sentence a root field's description ends with: who may call it, from the policy table. */
export function rolesSentence(operation: string): string {
  const entry = (GRAPHQL_POLICY as Record<string, PolicyEntry>)[operation];
  if (!entry || entry.roles.length === 0) return 'Roles: none (not callable).';
  return `Roles: ${[...entry.roles].sort().join(', ')}.`;
}

/**
 * Ends the description of every query, mutation and subscription with the roles the policy table
 * lets call it, so that the schema says what the guard enforces and can never disagree with it.
 */
export function withPolicyDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const sentence = rolesSentence(field.name);
      if (field.description?.endsWith(sentence)) continue;
      field.description = field.description ? `${field.description.replace(/\.?$/, '.')} ${sentence}` : sentence;
    }
  }
  return schema;
}

/** What the schema says beyond the code's own descriptions: who may call each operation, and each input's rules. */
export function withSchemaDescriptions(schema: GraphQLSchema): GraphQLSchema {
  return withInputRuleDescriptions(withPolicyDescriptions(schema));
}
