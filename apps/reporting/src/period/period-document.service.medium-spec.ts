import { ErrorCodes, type ReportPeriodDto } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { syntheticEvents } from '@phoi-hop/testing';
import ExcelJS from 'exceljs';
import { docxParts, docxText } from '../document/docx-parts';
import { MIME_TYPES, PeriodDocumentService } from './period-document.service';
import { createPeriodTestbed, type PeriodTestbed } from './period.medium-testbed';
import { PeriodService } from './period.service';

const lead = actorOf({ username: 'dieuphoi.stttt', agencyCode: 'STTTT', roles: ['COORDINATOR'] });
const police = actorOf({ username: 'canbo.ca', agencyCode: 'CA', roles: ['INVESTIGATOR'] });
const health = actorOf({ username: 'canbo.syt', agencyCode: 'SYT', roles: ['OFFICER'] });

describe(PeriodDocumentService.name, () => {
  let bed: PeriodTestbed;
  let sut: PeriodDocumentService;
  let period: ReportPeriodDto;

  beforeAll(async () => {
    bed = await createPeriodTestbed();
    sut = bed.get(PeriodDocumentService);
    const periods = bed.get(PeriodService);
    await bed.apply(syntheticEvents(2026, 40, { start: new Date('2026-07-02T02:00:00Z'), spanDays: 80 }));
    period = await periods.open(lead, {
      kind: 'SIX_MONTHLY',
      from: '2026-07-01',
      to: '2026-09-30',
      deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      agencyCodes: ['CA', 'SYT'],
    } as never);
    await periods.saveSection(police, {
      periodId: period.id,
      accomplishments: 'Công an xác minh 12 tài khoản',
      difficulties: 'Thiếu nhân lực',
      proposals: 'Tăng cường phối hợp',
      submit: true,
    });
    await periods.saveSection(health, { periodId: period.id, accomplishments: 'Bản nháp Sở Y tế', difficulties: '', proposals: '', submit: false });
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('render', () => {
    it('prints the period’s submitted sections in the .docx, never a draft, and names the agency still owing', async () => {
      const docx = await sut.render(lead, period.id, 'DOCX');
      expect(docx).toMatchObject({
        fileName: 'bao-cao-2026-07-01-2026-09-30.docx',
        mimeType: MIME_TYPES.DOCX,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const bytes = Buffer.from(docx.contentBase64!, 'base64');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const text = docxText((await docxParts(bytes)).get('word/document.xml')!);
      expect(text).toContain('Công an xác minh 12 tài khoản');
      expect(text).toContain('Tăng cường phối hợp');
      expect(text).not.toContain('Bản nháp Sở Y tế');
      expect(text).toContain('Các cơ quan chưa gửi báo cáo: Sở Y tế.');
    });

    it('gives the statistics annex as an .xlsx workbook and a UTF-8 .csv with a BOM', async () => {
      const xlsx = await sut.render(lead, period.id, 'XLSX');
      expect(xlsx).toMatchObject({ fileName: 'bao-cao-2026-07-01-2026-09-30-phu-luc.xlsx', mimeType: MIME_TYPES.XLSX });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.contentBase64!, 'base64') as never);
      expect(workbook.worksheets.length).toBeGreaterThan(0);

      const csv = await sut.render(lead, period.id, 'CSV');
      expect(csv).toMatchObject({ fileName: 'bao-cao-2026-07-01-2026-09-30-so-lieu.csv', mimeType: MIME_TYPES.CSV });
      const csvBytes = Buffer.from(csv.contentBase64!, 'base64');
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const report = await bed.get(PeriodService).consolidated(lead, period.id);
      const categoryTotal = csvBytes
        .toString('utf8')
        .split('\n')
        .filter((line) => line.startsWith('by_category'))
        .reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0);
      expect(report.statistics.casesOpened).toBeGreaterThan(0);
      expect(categoryTotal).toBe(report.statistics.casesOpened);
    });

    it('refuses a reader who may not see the consolidated report', async () => {
      await expect(sut.render(police, period.id, 'DOCX')).rejects.toMatchObject({ code: ErrorCodes.FORBIDDEN });
    });

    it('converts the report to PDF', async () => {
      const pdf = await sut.render(lead, period.id, 'PDF');
      expect(pdf).toMatchObject({ fileName: 'bao-cao-2026-07-01-2026-09-30.pdf', mimeType: MIME_TYPES.PDF });
      expect(Buffer.from(pdf.contentBase64!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }, 180_000);
  });
});
