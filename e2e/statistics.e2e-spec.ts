import { provinceDay } from '@phoi-hop/contracts';
import { FLOOD_RUMOUR, SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const TRIAGE = `mutation($id: ID!) { triageCase(id: $id) { status } }`;
const STATISTICS = /* GraphQL */ `
  query Statistics($input: StatisticsInput!) {
    statistics(input: $input) {
      casesOpened
      byCategory {
        code
        count
      }
      byLocality {
        code
        count
      }
      byLeadAgency {
        code
        count
      }
      byStatus {
        status
        count
      }
      timeliness {
        measure
        summary {
          count
          medianHours
          p90Hours
        }
      }
      lastEventAt
    }
  }
`;

interface Statistics {
  statistics: {
    casesOpened: number;
    byCategory: { code: string; count: number }[];
    byLocality: { code: string; count: number }[];
    byLeadAgency: { code: string; count: number }[];
    byStatus: { status: string; count: number }[];
    timeliness: { measure: string; summary: { count: number; medianHours: number | null } }[];
    lastEventAt: string | null;
  };
}

/** A report through the gateway reaches the statistics: intake's events → stream → reporting's read models → GraphQL. */
describe('statistics of the platform’s own events', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform();
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('counts a reported and triaged case for the leaders, by category, locality and status, and refuses an officer', async () => {
    const officer = await platform.env.token(SeededUsers.lethuyOfficer);
    const lead = await platform.env.token(SeededUsers.stttLead);
    const leader = await platform.env.token(SeededUsers.leader);
    const submitted = await graphqlRequest<{ submitReport: { case: { id: string } } }>(
      platform.graphqlUrl,
      SUBMIT_REPORT,
      {
        input: {
          url: 'https://www.facebook.com/permalink.php?story_fbid=987654321&id=100012345',
          excerpt: FLOOD_RUMOUR,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
          observedAt: new Date().toISOString(),
        },
      },
      officer,
    );
    expect(submitted.errors).toBeUndefined();
    const triaged = await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: submitted.data!.submitReport.case.id }, lead);
    expect(triaged.errors).toBeUndefined();
    const today = provinceDay();
    const input = { from: today, to: today };
    const stats = await eventually(
      async () => {
        const result = await graphqlRequest<Statistics>(platform.graphqlUrl, STATISTICS, { input }, leader);
        const s = result.data?.statistics;
        return s && s.byStatus.some((b) => b.status === 'TRIAGED') ? s : undefined;
      },
      20_000,
      200,
    );
    expect(stats.casesOpened).toBe(1);
    expect(stats.byCategory).toEqual([{ code: 'FALSE_INFO_PANIC', count: 1 }]);
    expect(stats.byLocality).toEqual([{ code: 'LE_THUY', count: 1 }]);
    expect(stats.byStatus).toEqual([{ status: 'TRIAGED', count: 1 }]);
    expect(stats.timeliness.find((t) => t.measure === 'TIME_TO_TRIAGE')?.summary.count).toBe(1);
    expect(stats.lastEventAt).not.toBeNull();

    const refused = await graphqlRequest(platform.graphqlUrl, STATISTICS, { input }, officer);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const bad = await graphqlRequest(platform.graphqlUrl, STATISTICS, { input: { from: today, to: '2020-01-01' } }, leader);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
