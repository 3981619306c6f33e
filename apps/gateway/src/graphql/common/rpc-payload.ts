/**
 * The JSON a service gets for a GraphQL input: plain objects (GraphQL inputs are class instances
 * with null prototypes) in which a field the client left out (undefined) is not sent at all, while
 * an explicit null is sent as null, because for updates null means "clear this field". Applies at
 * every depth, in arrays too.
 */
export function toRpcPayload<T extends object>(input: T): Record<string, unknown> {
  return plain(input) as Record<string, unknown>;
}

function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : plain(item)));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) out[key] = plain(field);
  }
  return out;
}
