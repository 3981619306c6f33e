import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCodes, isCalendarDay } from '@phoi-hop/contracts';

/** ISO 8601 date-time with seconds optional, fraction optional, and an explicit offset (Z or ±hh:mm). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return !!match && isCalendarDay(match[1]) && !Number.isNaN(Date.parse(value));
}

function invalid(message: string, rule: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCodes.BAD_USER_INPUT, rule } });
}

function literal(node: ValueNode, parse: (value: unknown) => string): string {
  if (node.kind !== Kind.STRING) throw invalid('must be a string', 'string');
  return parse(node.value);
}

/** Instants travel as text to and from the services; the scalar checks the text on the way in. */
function parseDateTime(value: unknown): string {
  if (!isDateTime(value)) throw invalid('must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T08:30:00+07:00', 'dateTime');
  return value;
}

function parseDay(value: unknown): string {
  if (!isCalendarDay(value)) throw invalid('must be a calendar day YYYY-MM-DD, e.g. 2026-03-01', 'date');
  return value;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant: ISO 8601 date-time with an offset, e.g. 2026-03-01T08:30:00+07:00 or 2026-03-01T01:30:00.000Z. Answers are in UTC (Z).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: (node) => literal(node, parseDateTime),
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD (a real day: 2026-02-30 is refused), in the province’s time (UTC+7).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDay,
  parseLiteral: (node) => literal(node, parseDay),
});
