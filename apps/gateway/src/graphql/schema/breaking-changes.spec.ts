import { listedChanges, unlistedBreakingChanges } from './breaking-changes';

const BEFORE = `
type Query { case(id: ID!): Case, cases: [Case!]! }
type Case { id: ID!, status: String!, reports: [String!]! }
`;

describe(unlistedBreakingChanges.name, () => {
  it('finds nothing when only additions are made', async () => {
    const after = BEFORE.replace('reports: [String!]!', 'reports: [String!]!, number: String');
    expect(await unlistedBreakingChanges(BEFORE, after, '')).toEqual([]);
  });

  it('reports a removed field and a changed type that the doc does not list', async () => {
    const after = `
type Query { case(id: ID!): Case }
type Case { id: ID!, status: CaseStatus!, reports: [String!]! }
enum CaseStatus { OPEN CLOSED }
`;
    const unlisted = await unlistedBreakingChanges(BEFORE, after, '');
    expect(unlisted.map((change) => change.path).sort()).toEqual(['Case.status', 'Query.cases']);
  });

  it('accepts a breaking change the doc lists with its reason', async () => {
    const after = BEFORE.replace('status: String!', 'status: CaseStatus!') + 'enum CaseStatus { OPEN CLOSED }';
    const doc = '| Coordinate | Change | Reason |\n|---|---|---|\n| `Case.status` | String → CaseStatus | a closed set is an enum |\n';
    expect(await unlistedBreakingChanges(BEFORE, after, doc)).toEqual([]);
  });

  it('does not count a row without a reason', async () => {
    const after = BEFORE.replace('status: String!', 'status: CaseStatus!') + 'enum CaseStatus { OPEN CLOSED }';
    expect(listedChanges('| `Case.status` |  |')).toEqual([]);
    expect(await unlistedBreakingChanges(BEFORE, after, '| `Case.status` |  |')).toHaveLength(1);
  });
});
