import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalizeUrl, type Actor, type CaseListRequest } from '@phoi-hop/contracts';
import { CreateMessagingTables1764300000000 } from '@phoi-hop/messaging';
import { CreateAuditTables1764300000050, createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { FLOOD_RUMOUR, JOB_SCAM, VACCINATION_NOTICE, createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { INTAKE_ENTITIES, INTAKE_MIGRATIONS } from '../app/intake.module';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';

const actor = (agencyCode: string, roles: Actor['roles'] = ['OFFICER']): Actor => ({
  userId: randomUUID(),
  username: `${agencyCode.toLowerCase()}.officer`,
  agencyCode,
  roles,
});
const LEAD = actor('STTTT', ['COORDINATOR']);
const LE_THUY = actor('UBND_LE_THUY');
const DONG_HOI = actor('UBND_DONG_HOI');
const SYT = actor('SYT');
const LEADER = actor('VP_UBND', ['LEADER']);

/**
 * Finding cases by free text on the real Postgres: excerpts whatever their diacritics (unaccent
 * and pg_trgm over an indexed fold), numbers and links exactly, ranked, with the filters, and only
 * among the cases the viewer may see (an agency that only reported a case matches its own reports).
 */
describe('case search (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let service: CaseService;
  const ids: Record<string, string> = {};

  /** A case with its reports, written as intake writes them; `participants` see it as PARTICIPANT. */
  async function seedCase(
    key: string,
    seq: number,
    options: {
      status?: string;
      severity?: string;
      locality?: string;
      openedAt: string;
      participants: string[];
      reports: Array<{ agency: string; url: string; excerpt: string; note?: string }>;
    },
  ): Promise<void> {
    const id = randomUUID();
    ids[key] = id;
    const visible = [...new Set([...options.reports.map((r) => r.agency), ...options.participants])];
    await dataSource.query(
      `INSERT INTO handling_case (id, year, seq, number, status, category_code, severity, locality_code, reporter_agency_code, visible_agencies, opened_at, updated_at)
       VALUES ($1, 2026, $2, $3, $4, 'FALSE_INFO_PANIC', $5, $6, $7, $8, $9, $9)`,
      [
        id,
        seq,
        `QB-2026-${String(seq).padStart(6, '0')}`,
        options.status ?? 'OPEN',
        options.severity ?? 'MEDIUM',
        options.locality ?? null,
        options.reports[0]!.agency,
        visible,
        options.openedAt,
      ],
    );
    for (const agency of options.participants) {
      await dataSource.query(`INSERT INTO case_participant (case_id, agency_code, role, basis, assigned_at) VALUES ($1, $2, $3, 'Đ6.7', now())`, [
        id,
        agency,
        agency === 'STTTT' ? 'LEAD' : 'PARTICIPANT',
      ]);
    }
    for (const report of options.reports) {
      const canonical = canonicalizeUrl(report.url);
      if (!canonical.ok) throw new Error(canonical.message);
      await dataSource.query(
        `INSERT INTO report (id, case_id, url, canonical_url, content_key, excerpt, category_code, note, reporter_agency_code, reporter_user_id, submitted_at, minhash, band_keys)
         VALUES ($1, $2, $3, $4, $4, $5, 'FALSE_INFO_PANIC', $6, $7, 'u', $8, '\\x00', '{}')`,
        [randomUUID(), id, report.url, canonical.url, report.excerpt, report.note ?? null, report.agency, options.openedAt],
      );
    }
  }

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataSource = createServiceDataSource({
      url: env.databaseUrl,
      schema: env.schema('intake'),
      entities: INTAKE_ENTITIES,
      migrations: [CreateMessagingTables1764300000000, CreateAuditTables1764300000050, ...INTAKE_MIGRATIONS],
      poolSize: 2,
    });
    await dataSource.initialize();
    await runServiceMigrations(dataSource);
    service = new CaseService(dataSource, new CaseRepository(dataSource, { caseNumberPrefix: 'QB' }));
    // Lệ Thủy reported the flood rumour; the lead agency and the police handle it.
    await seedCase('flood', 20, {
      openedAt: '2026-10-10T01:00:00Z',
      severity: 'HIGH',
      locality: 'LE_THUY',
      participants: ['STTTT', 'CA'],
      reports: [
        { agency: 'UBND_LE_THUY', url: 'https://www.facebook.com/groups/lethuy/posts/123?fbclid=abc', excerpt: FLOOD_RUMOUR },
        { agency: 'SYT', url: 'https://zalo.me/g/lu-lut', excerpt: 'Tin đồn lũ lụt ở Lệ Thủy, đường sá ngập sâu', note: 'Ghi chú nội bộ của Sở Y tế' },
      ],
    });
    // Another flood text, seen only by Đồng Hới and the lead agency.
    await seedCase('floodDongHoi', 21, {
      openedAt: '2026-10-11T01:00:00Z',
      locality: 'DONG_HOI',
      participants: ['STTTT'],
      reports: [
        {
          agency: 'UBND_DONG_HOI',
          url: 'https://example.vn/dong-hoi/lu',
          excerpt: 'Đồng Hới ngập lụt nặng, lũ lụt tràn vào thành phố, đường Trần Hưng Đạo ngập',
        },
      ],
    });
    await seedCase('scam', 22, {
      openedAt: '2026-10-12T01:00:00Z',
      participants: ['STTTT', 'CA'],
      reports: [{ agency: 'UBND_LE_THUY', url: 'https://example.vn/viec-lam', excerpt: JOB_SCAM }],
    });
    await seedCase('vaccine', 23, {
      openedAt: '2026-10-13T01:00:00Z',
      status: 'DISMISSED',
      participants: ['STTTT'],
      reports: [{ agency: 'SYT', url: 'https://syt.quangbinh.gov.vn/tiem-chung', excerpt: VACCINATION_NOTICE }],
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.cleanup();
  });

  const search = async (viewer: Actor, request: Omit<CaseListRequest, 'first'> & { first?: number }) => {
    const page = await service.list(viewer, { first: 20, ...request } as CaseListRequest);
    return page.edges.map((edge) => ({ key: Object.keys(ids).find((k) => ids[k] === edge.node.id), rank: edge.rank, node: edge.node }));
  };
  const keys = async (viewer: Actor, request: Omit<CaseListRequest, 'first'>) => (await search(viewer, request)).map((hit) => hit.key);

  it('finds Vietnamese text with and without diacritics, in any case, best match first', async () => {
    expect(await keys(LEAD, { text: 'lũ lụt' })).toEqual(expect.arrayContaining(['flood', 'floodDongHoi']));
    expect(await keys(LEAD, { text: 'lu lut' })).toEqual(expect.arrayContaining(['flood', 'floodDongHoi']));
    expect(await keys(LEAD, { text: 'LŨ LỤT' })).toEqual(expect.arrayContaining(['flood', 'floodDongHoi']));
    // "đ" folds to "d": "dap thuy dien" finds "đập thủy điện".
    expect(await keys(LEAD, { text: 'dap thuy dien' })).toEqual(['flood']);
    expect(await keys(LEAD, { text: 'Trần Hưng Đạo' })).toEqual(['floodDongHoi']);
    expect(await keys(LEAD, { text: 'tran hung dao' })).toEqual(['floodDongHoi']);
    expect(await keys(LEAD, { text: 'nop phi giu cho' })).toEqual(['scam']);
    expect(await keys(LEAD, { text: 'tàu ngầm hạt nhân' })).toEqual([]);
    const ranked = await search(LEAD, { text: 'dong hoi ngap lut' });
    expect(ranked[0]!.key).toBe('floodDongHoi');
    expect(ranked.map((hit) => hit.rank)).toEqual([...ranked.map((hit) => hit.rank!)].sort((a, b) => b - a));
  });

  it('finds a case by its number and by a link to its content, tracking parameters or not', async () => {
    expect(await keys(LEAD, { text: 'QB-2026-000022' })).toEqual(['scam']);
    expect(await keys(LEAD, { text: 'qb-2026-000022' })).toEqual(['scam']);
    expect(await keys(LEAD, { text: 'https://facebook.com/groups/lethuy/posts/123' })).toEqual(['flood']);
    expect(await keys(LEAD, { text: 'https://m.facebook.com/groups/lethuy/posts/123?utm_source=zalo' })).toEqual(['flood']);
    expect(await keys(LEAD, { text: 'www.facebook.com/groups/lethuy/posts/123' })).toEqual(['flood']);
    const byNumber = await service.get(LEAD, { number: 'qb-2026-000020' });
    expect(byNumber.id).toBe(ids['flood']);
    await expect(service.get(LEAD, { number: 'QB-2026-999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never returns a case the viewer may not see, whatever the text', async () => {
    // Lệ Thủy is not on the Đồng Hới case: not by its text, not by its number, not by its link.
    expect(await keys(LE_THUY, { text: 'lu lut' })).toEqual(['flood']);
    expect(await keys(LE_THUY, { text: 'QB-2026-000021' })).toEqual([]);
    expect(await keys(LE_THUY, { text: 'https://example.vn/dong-hoi/lu' })).toEqual([]);
    await expect(service.get(LE_THUY, { number: 'QB-2026-000021' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await keys(DONG_HOI, { text: 'dap thuy dien' })).toEqual([]);
    // The leadership sees every case.
    expect(await keys(LEADER, { text: 'lu lut' })).toEqual(expect.arrayContaining(['flood', 'floodDongHoi']));
  });

  it('matches an agency that only reported a case on its own reports, and shows it only those', async () => {
    // SYT reported the flood case with its own words; FLOOD_RUMOUR is Lệ Thủy's report, which SYT does not see.
    expect(await keys(SYT, { text: 'duong sa ngap sau' })).toEqual(['flood']);
    expect(await keys(SYT, { text: 'dap thuy dien' })).toEqual([]);
    expect(await keys(LEAD, { text: 'dap thuy dien' })).toEqual(['flood']);
    const asReporter = await service.get(SYT, { id: ids['flood']! });
    expect(asReporter.viewerAccess).toBe('REPORTER');
    expect(asReporter.reports.map((r) => r.reporterAgencyCode)).toEqual(['SYT']);
    const asLeThuy = await service.get(LE_THUY, { id: ids['flood']! });
    expect(asLeThuy.reports.map((r) => r.reporterAgencyCode)).toEqual(['UBND_LE_THUY']);
    expect(asLeThuy.reports.some((r) => r.note === 'Ghi chú nội bộ của Sở Y tế')).toBe(false);
    const asLead = await service.get(LEAD, { id: ids['flood']! });
    expect(asLead.viewerAccess).toBe('FULL');
    expect(asLead.reports.map((r) => r.reporterAgencyCode).sort()).toEqual(['SYT', 'UBND_LE_THUY']);
    expect(asLead.access).toEqual(
      expect.arrayContaining([
        { agencyCode: 'STTTT', reasons: [{ reason: 'LEAD', basis: 'Đ6.7' }] },
        { agencyCode: 'CA', reasons: [{ reason: 'PARTICIPANT', basis: 'Đ6.7' }] },
        { agencyCode: 'SYT', reasons: [{ reason: 'REPORTER', basis: null }] },
      ]),
    );
    expect(asLead.viewerCan).toEqual(expect.arrayContaining(['TRIAGE', 'DISMISS', 'SPLIT_REPORT']));
    expect(asReporter.viewerCan).toEqual([]);
  });

  it('filters by status, severity, locality, agency, opening time and overdue deadlines', async () => {
    expect(await keys(LEAD, { text: 'lu lut', localityCode: 'DONG_HOI' })).toEqual(['floodDongHoi']);
    expect(await keys(LEAD, { severity: 'HIGH' })).toEqual(['flood']);
    expect(await keys(LEAD, { status: 'DISMISSED' })).toEqual(['vaccine']);
    expect(await keys(LEAD, { agencyCode: 'CA' })).toEqual(['scam', 'flood']);
    expect(await keys(LEAD, { openedFrom: '2026-10-11T00:00:00Z', openedTo: '2026-10-13T00:00:00Z' })).toEqual(['scam', 'floodDongHoi']);
    await dataSource.query(
      `INSERT INTO case_deadline (id, case_id, kind, phase, deadline, due_at) VALUES ($1, $2, 'TRIAGE', 'ESCALATION', now() - interval '1 hour', now() - interval '1 hour')`,
      [randomUUID(), ids['scam']],
    );
    expect(await keys(LEAD, { overdue: true })).toEqual(['scam']);
    expect(await keys(LEAD, { overdue: false })).toEqual(['vaccine', 'floodDongHoi', 'flood']);
  });

  it('pages a ranked search with its cursor, and refuses a cursor of another list', async () => {
    const all = await search(LEAD, { text: 'lu lut' });
    const first = await service.list(LEAD, { first: 1, text: 'lu lut' });
    expect(first.hasNextPage).toBe(true);
    const second = await service.list(LEAD, { first: 5, text: 'lu lut', after: first.endCursor! });
    expect([first.edges[0]!.node.id, ...second.edges.map((e) => e.node.id)]).toEqual(all.map((hit) => ids[hit.key!]));
    await expect(service.list(LEAD, { first: 5, after: first.endCursor! })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('uses the trigram index on the folded excerpt', async () => {
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(
        `EXPLAIN SELECT case_id FROM report WHERE search_fold('lu lut') <% search_fold(excerpt)`,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('report_excerpt_search_idx');
  });
});
