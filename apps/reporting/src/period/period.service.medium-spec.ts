import { ErrorCodes, EventSubjects, provinceDay, type Actor, type EventEnvelope, type ReportPeriodDto } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { docxParts, docxText } from '../document/docx-parts';
import { sofficePath } from '../document/pdf.converter';
import { syntheticEvents } from '@phoi-hop/testing';
import { PeriodDeadlineScheduler } from './period-deadline.scheduler';
import { PeriodDocumentService } from './period-document.service';
import { createPeriodTestbed, TEST_REFERENCE_DATA, type PeriodTestbed } from './period.medium-testbed';
import { PeriodService } from './period.service';

const lead = actorOf({ username: 'dieuphoi.stttt', agencyCode: 'STTTT', roles: ['COORDINATOR'] });
const police = actorOf({ username: 'canbo.ca', agencyCode: 'CA', roles: ['INVESTIGATOR'] });
const health = actorOf({ username: 'canbo.syt', agencyCode: 'SYT', roles: ['OFFICER'] });
const finance = actorOf({ username: 'canbo.stc', agencyCode: 'STC', roles: ['OFFICER'] });
const leader = actorOf({ username: 'lanhdao.ubnd', agencyCode: 'VP_UBND', roles: ['LEADER'] });
const otherCoordinator = actorOf({ username: 'dieuphoi.ca', agencyCode: 'CA', roles: ['COORDINATOR'] });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const section = (text: string, submit: boolean) => ({
  accomplishments: `${text}: kết quả`,
  difficulties: `${text}: khó khăn`,
  proposals: `${text}: đề xuất`,
  submit,
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code });
}

describe(PeriodService.name, () => {
  let bed: PeriodTestbed;
  let sut: PeriodService;

  beforeAll(async () => {
    bed = await createPeriodTestbed();
    sut = bed.get(PeriodService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  const open = (actor: Actor = lead, overrides: Record<string, unknown> = {}) =>
    sut.open(actor, { kind: 'SIX_MONTHLY', from: '2026-01-01', to: '2026-06-30', deadline: inDays(10), agencyCodes: ['CA', 'SYT'], ...overrides } as never);

  describe('open', () => {
    it('opens a period with a section owed by each agency, its reminder and escalation, an event and an audit entry', async () => {
      const period = await open();
      expect(period).toMatchObject({ kind: 'SIX_MONTHLY', status: 'OPEN', title: 'Báo cáo 6 tháng (01/01/2026 – 30/06/2026)', openedByAgency: 'STTTT' });
      expect(period.sections.map((s) => [s.agencyCode, s.status, s.versions.length])).toEqual([
        ['CA', 'NOT_STARTED', 0],
        ['SYT', 'NOT_STARTED', 0],
      ]);
      const deadlines: { kind: string }[] = await bed.dataSource.query(`SELECT kind FROM report_period_deadline WHERE period_id = $1 ORDER BY due_at`, [
        period.id,
      ]);
      expect(deadlines.map((d) => d.kind)).toEqual(['REMINDER', 'ESCALATION']);
      expect(await bed.outbox(period.id)).toEqual([
        expect.objectContaining({
          subject: EventSubjects.reporting.periodOpened,
          visibleTo: ['STTTT', 'CA', 'SYT'],
          data: expect.objectContaining({ agencyCodes: ['CA', 'SYT'] }),
        }),
      ]);
      expect((await bed.audit(period.id)).map((a) => a.action)).toEqual(['reporting.period-opened']);
    });

    it('refuses anyone but the lead agency’s coordinators, and bad periods, changing nothing', async () => {
      const before = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report_period`);
      await expectCode(open(otherCoordinator), ErrorCodes.FORBIDDEN);
      await expectCode(open(health), ErrorCodes.FORBIDDEN);
      await expectCode(open(lead, { to: '2026-12-31' }), ErrorCodes.BAD_USER_INPUT);
      await expectCode(open(lead, { from: '2026-07-01', to: '2026-06-30' }), ErrorCodes.BAD_USER_INPUT);
      await expectCode(open(lead, { deadline: inDays(-1) }), ErrorCodes.BAD_USER_INPUT);
      await expectCode(open(lead, { agencyCodes: ['CA', 'CA'] }), ErrorCodes.BAD_USER_INPUT);
      expect(await bed.dataSource.query(`SELECT count(*)::int AS n FROM report_period`)).toEqual(before);
    });
  });

  describe('list', () => {
    it('filters by status, and shows an agency only the periods that name it, with its own section only', async () => {
      const openOne = await open(lead, { agencyCodes: ['CA', 'SYT'] });
      const closedOne = await open(lead, { agencyCodes: ['STC', 'SYT'] });
      await sut.close(lead, closedOne.id);
      const ids = (periods: ReportPeriodDto[]) => periods.map((p) => p.id);

      const openForLead = await sut.list(lead, 'OPEN');
      expect(ids(openForLead)).toContain(openOne.id);
      expect(ids(openForLead)).not.toContain(closedOne.id);
      expect(openForLead.every((p) => p.status === 'OPEN')).toBe(true);
      const closedForLead = await sut.list(lead, 'CLOSED');
      expect(ids(closedForLead)).toContain(closedOne.id);
      expect(ids(closedForLead)).not.toContain(openOne.id);
      expect(closedForLead.every((p) => p.status === 'CLOSED')).toBe(true);
      expect(ids(await sut.list(leader, null))).toEqual(expect.arrayContaining([openOne.id, closedOne.id]));

      const forFinance = await sut.list(finance, null);
      expect(ids(forFinance)).toContain(closedOne.id);
      expect(ids(forFinance)).not.toContain(openOne.id);
      expect(forFinance.every((p) => p.sections.length === 1 && p.sections[0]!.agencyCode === 'STC')).toBe(true);
      expect(ids(await sut.list(finance, 'OPEN'))).not.toContain(closedOne.id);
      const forPolice = await sut.list(police, null);
      expect(ids(forPolice)).toContain(openOne.id);
      expect(ids(forPolice)).not.toContain(closedOne.id);
      expect(await sut.list(otherCoordinator, 'CLOSED')).not.toContainEqual(expect.objectContaining({ id: closedOne.id }));
    });
  });

  describe('saveSection', () => {
    let period: ReportPeriodDto;

    beforeAll(async () => {
      period = await open();
    });

    it('keeps drafts and the submission as versions; the agency sees its own section only', async () => {
      await sut.saveSection(police, { periodId: period.id, ...section('Bản nháp', false) });
      const seen = await sut.saveSection(police, { periodId: period.id, ...section('Công an tỉnh', true) });
      expect(seen.sections).toHaveLength(1);
      expect(seen.sections[0]).toMatchObject({ agencyCode: 'CA', status: 'SUBMITTED', current: { version: 2, status: 'SUBMITTED', late: false } });
      expect(seen.sections[0]!.versions.map((v) => [v.version, v.status])).toEqual([
        [1, 'DRAFT'],
        [2, 'SUBMITTED'],
      ]);
      expect((await bed.outbox(period.id)).filter((e) => e.subject === EventSubjects.reporting.sectionSubmitted)).toHaveLength(1);
    });

    it('shows the lead agency the submitted versions, never another agency’s draft', async () => {
      await sut.saveSection(health, { periodId: period.id, ...section('Nháp Sở Y tế', false) });
      const view = await sut.get(lead, period.id);
      expect(view.sections.map((s) => [s.agencyCode, s.status, s.versions.map((v) => v.status)])).toEqual([
        ['CA', 'SUBMITTED', ['SUBMITTED']],
        ['SYT', 'DRAFT', []],
      ]);
    });

    it('refuses a draft after submitting, an agency not named, and a closed period', async () => {
      await expectCode(sut.saveSection(police, { periodId: period.id, ...section('Sửa', false) }), ErrorCodes.INVALID_STATE);
      await expectCode(sut.saveSection(finance, { periodId: period.id, ...section('STC', true) }), ErrorCodes.NOT_FOUND);
      await expectCode(sut.get(finance, period.id), ErrorCodes.NOT_FOUND);
      await expectCode(
        sut.saveSection(health, { periodId: period.id, accomplishments: ' ', difficulties: '', proposals: '', submit: true }),
        ErrorCodes.BAD_USER_INPUT,
      );
      const other = await open();
      await sut.close(lead, other.id);
      await expectCode(sut.saveSection(police, { periodId: other.id, ...section('Muộn', true) }), ErrorCodes.INVALID_STATE);
      await expectCode(sut.close(lead, other.id), ErrorCodes.INVALID_STATE);
    });

    it('marks a submission after the deadline late', async () => {
      const late = await open();
      await bed.dataSource.query(`UPDATE report_period SET deadline = now() - interval '1 hour' WHERE id = $1`, [late.id]);
      const seen = await sut.saveSection(health, { periodId: late.id, ...section('Sở Y tế', true) });
      expect(seen.sections[0]!.current).toMatchObject({ status: 'SUBMITTED', late: true });
    });
  });

  describe(PeriodDeadlineScheduler.name, () => {
    it('reminds the agencies that still owe their section, then escalates to the lead agency and VP_UBND, once each', async () => {
      const period = await open(lead, { agencyCodes: ['CA', 'SYT', 'STC'] });
      await sut.saveSection(police, { periodId: period.id, ...section('Công an', true) });
      const scheduler = bed.get(PeriodDeadlineScheduler);
      await bed.makeDue(period.id, 'REMINDER');
      await scheduler.runDue();
      await bed.makeDue(period.id, 'ESCALATION');
      await scheduler.runDue();
      await scheduler.runDue();
      const events = (await bed.outbox(period.id)).filter(
        (e) => e.subject === EventSubjects.reporting.sectionReminded || e.subject === EventSubjects.reporting.sectionEscalated,
      );
      expect(events).toEqual([
        expect.objectContaining({ subject: EventSubjects.reporting.sectionReminded, data: expect.objectContaining({ agencyCodes: ['STC', 'SYT'] }) }),
        expect.objectContaining({
          subject: EventSubjects.reporting.sectionEscalated,
          visibleTo: expect.arrayContaining(['STTTT', 'VP_UBND', 'STC', 'SYT']),
          data: expect.objectContaining({ overdueAgencyCodes: ['STC', 'SYT'], escalatedTo: ['STTTT', 'VP_UBND'] }),
        }),
      ]);
      const view = await sut.get(lead, period.id);
      expect(view.sections.find((s) => s.agencyCode === 'SYT')).toMatchObject({ remindedAt: expect.any(String), escalatedAt: expect.any(String) });
      expect(view.sections.find((s) => s.agencyCode === 'CA')).toMatchObject({ remindedAt: null, escalatedAt: null });
    });

    it('fires nothing for a closed period', async () => {
      const period = await open();
      await sut.close(lead, period.id);
      await bed.dataSource.query(`UPDATE report_period_deadline SET cancelled_at = NULL, due_at = now() - interval '1 second' WHERE period_id = $1`, [
        period.id,
      ]);
      await bed.get(PeriodDeadlineScheduler).runDue();
      expect((await bed.outbox(period.id)).map((e) => e.subject)).toEqual([EventSubjects.reporting.periodOpened]);
    });
  });

  describe('the six-month report', () => {
    const FROM = '2026-01-01';
    const TO = '2026-06-30';
    let events: EventEnvelope[];
    let period: ReportPeriodDto;

    /** What the period's figures must be, counted straight from the events, not through the read models. */
    function expected() {
      const opened = events
        .filter((e) => e.type === EventSubjects.intake.caseOpened)
        .map((e) => (e.data as { case: { categoryCode: string; openedAt: string } }).case)
        .filter((c) => provinceDay(new Date(c.openedAt)) >= FROM && provinceDay(new Date(c.openedAt)) <= TO);
      const byCategory = new Map<string, number>();
      for (const c of opened) byCategory.set(c.categoryCode, (byCategory.get(c.categoryCode) ?? 0) + 1);
      return { casesOpened: opened.length, byCategory };
    }

    beforeAll(async () => {
      // Cases from mid-December to mid-July: some fall outside the half year.
      events = syntheticEvents(2026, 120, { start: new Date('2025-12-15T02:00:00Z'), spanDays: 210 });
      await bed.apply(events);
      period = await open(lead, { agencyCodes: ['CA', 'SYT', 'STC'] });
      await sut.saveSection(police, { periodId: period.id, ...section('Công an tỉnh', true) });
      await sut.saveSection(health, { periodId: period.id, ...section('Sở Y tế', true) });
    });

    it('combines the submitted sections with the statistics of the period, as counted from the events', async () => {
      const report = await sut.consolidated(leader, period.id);
      const want = expected();
      expect(want.casesOpened).toBeGreaterThan(50);
      expect(want.casesOpened).toBeLessThan(120);
      expect(report.statistics.casesOpened).toBe(want.casesOpened);
      expect(new Map(report.statistics.byCategory.map((r) => [r.code, r.count]))).toEqual(want.byCategory);
      expect(report.period.sections.map((s) => s.agencyCode)).toEqual(['CA', 'SYT']);
      expect(report.missingAgencyCodes).toEqual(['STC']);
      await expectCode(sut.consolidated(police, period.id), ErrorCodes.FORBIDDEN);
    });

    it('prints those numbers in the .docx and the .csv, with the directory’s names', async () => {
      const documents = bed.get(PeriodDocumentService);
      const want = expected();
      const docx = await documents.render(leader, period.id, 'DOCX');
      expect(docx.fileName).toBe('bao-cao-2026-01-01-2026-06-30.docx');
      const text = docxText((await docxParts(Buffer.from(docx.contentBase64!, 'base64'))).get('word/document.xml')!);
      expect(text).toContain(`Trong kỳ báo cáo đã tiếp nhận ${want.casesOpened} vụ việc`);
      expect(text).toContain(`${TEST_REFERENCE_DATA.categories[0]!.name}\n${want.byCategory.get('FALSE_INFO_PANIC')}`);
      expect(text).toContain('1. Công an tỉnh');
      expect(text).toContain('c) Đề xuất, kiến nghị: Sở Y tế: đề xuất');
      expect(text).toContain('Các cơ quan chưa gửi báo cáo: STC.');
      expect(text).toContain('Nơi nhận:');

      const csv = Buffer.from((await documents.render(leader, period.id, 'CSV')).contentBase64!, 'base64').toString('utf8');
      const rows = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '')));
      const categoryRows = rows.filter((r) => r[0] === 'by_category');
      expect(categoryRows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(want.casesOpened);

      const xlsx = await documents.render(leader, period.id, 'XLSX');
      expect(Buffer.from(xlsx.contentBase64!, 'base64').subarray(0, 2).toString()).toBe('PK');
    });

    it('converts to PDF with LibreOffice headless', async () => {
      expect(sofficePath()).not.toBeNull();
      const pdf = await bed.get(PeriodDocumentService).render(leader, period.id, 'PDF');
      const bytes = Buffer.from(pdf.contentBase64!, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
    }, 180_000);
  });
});
