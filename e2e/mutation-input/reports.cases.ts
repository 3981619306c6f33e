import { randomUUID } from 'node:crypto';
import { SeededUsers } from '@phoi-hop/testing';
import { BAD, HOSTILE_10K, NO_ID, long, refuse, type Json, type MutationEntry, type World } from './harness';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A period owed by CA and BTG, put straight into the reporting service's tables (no GraphQL call before the footprint). */
async function newPeriod(w: World, options: { status?: 'OPEN' | 'CLOSED'; submittedBy?: string } = {}): Promise<string> {
  const id = randomUUID();
  const schema = w.schema('reporting');
  await w.sql(
    `INSERT INTO "${schema}".report_period (id, kind, title, period_from, period_to, deadline, status, opened_at, opened_by, opened_by_agency)
     VALUES ($1, 'SIX_MONTHLY', 'Báo cáo 6 tháng', '2026-01-01', '2026-06-30', $2, $3, now(), 'matrix', 'STTTT')`,
    [id, inDays(10), options.status ?? 'OPEN'],
  );
  await w.sql(`INSERT INTO "${schema}".report_section (period_id, agency_code) VALUES ($1, 'CA'), ($1, 'BTG')`, [id]);
  if (options.submittedBy) {
    await w.sql(
      `INSERT INTO "${schema}".report_section_version (period_id, agency_code, version, status, accomplishments, difficulties, proposals, saved_at, saved_by)
       VALUES ($1, $2, 1, 'SUBMITTED', 'Đã làm', 'Khó khăn', 'Đề xuất', now(), 'matrix')`,
      [id, options.submittedBy],
    );
    await w.sql(`UPDATE "${schema}".report_section SET status = 'SUBMITTED', submitted_at = now() WHERE period_id = $1 AND agency_code = $2`, [
      id,
      options.submittedBy,
    ]);
  }
  return id;
}

const periodView = (w: World, id: string) =>
  w.sql(
    `SELECT p.status, s.agency_code, s.status AS section, count(v.*)::int AS versions
       FROM "${w.schema('reporting')}".report_period p JOIN "${w.schema('reporting')}".report_section s ON s.period_id = p.id
       LEFT JOIN "${w.schema('reporting')}".report_section_version v ON v.period_id = s.period_id AND v.agency_code = s.agency_code
      WHERE p.id = $1 GROUP BY p.status, s.agency_code, s.status ORDER BY s.agency_code`,
    [id],
  );

const opening = (overrides: Json = {}) => ({
  i: { kind: 'SIX_MONTHLY', from: '2026-01-01', to: '2026-06-30', deadline: inDays(10), agencyCodes: ['CA', 'BTG'], ...overrides },
});
const sectionInput = (periodId: string, overrides: Json = {}) => ({
  i: { periodId, accomplishments: 'Đã phối hợp xử lý 12 vụ việc', difficulties: 'Thiếu nhân lực', proposals: 'Tập huấn', submit: true, ...overrides },
});
const periodCount = (w: World) => w.sql(`SELECT count(*)::int AS n FROM "${w.schema('reporting')}".report_period`);

/** Periodic reports (reporting, Đ7.3–7.4). */
export const REPORTS_MUTATIONS: Record<string, MutationEntry> = {
  openReportPeriod: {
    document: `mutation($i: OpenReportPeriodInput!) { openReportPeriod(input: $i) { id status sections { agencyCode status } } }`,
    cases: [
      { name: 'a kind that does not exist', variables: () => opening({ kind: 'QUARTERLY' }), expect: BAD('kind'), watch: periodCount },
      { name: 'a day that does not exist', variables: () => opening({ from: '2026-02-30' }), expect: BAD('from'), watch: periodCount },
      { name: 'an end before the start', variables: () => opening({ from: '2026-07-01' }), expect: BAD('to'), watch: periodCount },
      { name: 'a half year of more than 184 days', variables: () => opening({ to: '2026-12-31' }), expect: BAD('to'), watch: periodCount },
      { name: 'a deadline already passed', variables: () => opening({ deadline: inDays(-1) }), expect: BAD('deadline'), watch: periodCount },
      { name: 'a deadline that is not a date-time', variables: () => opening({ deadline: 'next week' }), expect: BAD('deadline'), watch: periodCount },
      { name: 'no agency', variables: () => opening({ agencyCodes: [] }), expect: BAD('agencyCodes'), watch: periodCount },
      { name: 'an agency named twice', variables: () => opening({ agencyCodes: ['CA', 'CA'] }), expect: BAD('agencyCodes'), watch: periodCount },
      { name: 'an agency code of the wrong shape', variables: () => opening({ agencyCodes: ['ca; drop'] }), expect: BAD('agencyCodes'), watch: periodCount },
      { name: 'a title over 500 characters', variables: () => opening({ kind: 'AD_HOC', title: long(501) }), expect: BAD('title'), watch: periodCount },
      { name: 'an agency other than the lead', as: SeededUsers.caOfficer, variables: () => opening(), expect: refuse('FORBIDDEN'), watch: periodCount },
      {
        name: 'a valid period',
        variables: () => opening(),
        expect: {
          stored: (data) => {
            const opened = data['openReportPeriod'] as { status: string; sections: { agencyCode: string; status: string }[] };
            expect(opened.status).toBe('OPEN');
            expect(opened.sections).toEqual([
              { agencyCode: 'BTG', status: 'NOT_STARTED' },
              { agencyCode: 'CA', status: 'NOT_STARTED' },
            ]);
          },
        },
      },
    ],
  },
  saveReportSection: {
    document: `mutation($i: SaveReportSectionInput!) { saveReportSection(input: $i) { id sections { agencyCode status current { version status accomplishments } } } }`,
    cases: [
      { name: 'an unknown period', as: SeededUsers.caOfficer, variables: () => sectionInput(NO_ID), expect: refuse('NOT_FOUND', 'periodId') },
      { name: 'a period id that is not an id', as: SeededUsers.caOfficer, variables: () => sectionInput('not-an-id'), expect: BAD('periodId') },
      {
        name: 'text over 20,000 characters',
        as: SeededUsers.caOfficer,
        variables: async (w) => sectionInput(await newPeriod(w), { difficulties: long(20_001) }),
        expect: BAD('difficulties'),
        watch: (w, v) => periodView(w, (v['i'] as { periodId: string }).periodId),
      },
      {
        name: 'a submission that says nothing',
        as: SeededUsers.caOfficer,
        variables: async (w) => sectionInput(await newPeriod(w), { accomplishments: ' ', difficulties: '', proposals: '' }),
        expect: BAD('accomplishments'),
        watch: (w, v) => periodView(w, (v['i'] as { periodId: string }).periodId),
      },
      {
        name: 'a draft over a submitted section',
        as: SeededUsers.caOfficer,
        variables: async (w) => sectionInput(await newPeriod(w, { submittedBy: 'CA' }), { submit: false }),
        expect: refuse('INVALID_STATE'),
        watch: (w, v) => periodView(w, (v['i'] as { periodId: string }).periodId),
      },
      {
        name: 'a closed period',
        as: SeededUsers.caOfficer,
        variables: async (w) => sectionInput(await newPeriod(w, { status: 'CLOSED' })),
        expect: refuse('INVALID_STATE'),
        watch: (w, v) => periodView(w, (v['i'] as { periodId: string }).periodId),
      },
      {
        name: 'an agency that owes no section (the lead’s coordinator)',
        variables: async (w) => sectionInput(await newPeriod(w)),
        expect: refuse('FORBIDDEN'),
        watch: (w, v) => periodView(w, (v['i'] as { periodId: string }).periodId),
      },
      {
        name: 'hostile text of 10,000 characters, stored verbatim',
        as: SeededUsers.caOfficer,
        variables: async (w) => sectionInput(await newPeriod(w), { proposals: HOSTILE_10K }),
        expect: {
          stored: async (_data, v, w) => {
            const [row] = await w.sql(`SELECT proposals FROM "${w.schema('reporting')}".report_section_version WHERE period_id = $1`, [
              (v['i'] as { periodId: string }).periodId,
            ]);
            expect(row!['proposals']).toBe(HOSTILE_10K);
          },
        },
      },
    ],
  },
  closeReportPeriod: {
    document: `mutation($p: ID!) { closeReportPeriod(periodId: $p) { id status } }`,
    cases: [
      { name: 'an unknown period', variables: () => ({ p: NO_ID }), expect: refuse('NOT_FOUND', 'periodId') },
      { name: 'an id that is not an id', variables: () => ({ p: 'x' }), expect: BAD('periodId') },
      {
        name: 'a period already closed',
        variables: async (w) => ({ p: await newPeriod(w, { status: 'CLOSED' }) }),
        expect: refuse('INVALID_STATE'),
        watch: (w, v) => periodView(w, v['p'] as string),
      },
      {
        name: 'an agency other than the lead',
        as: SeededUsers.caOfficer,
        variables: async (w) => ({ p: await newPeriod(w) }),
        expect: refuse('FORBIDDEN'),
        watch: (w, v) => periodView(w, v['p'] as string),
      },
    ],
  },
};
