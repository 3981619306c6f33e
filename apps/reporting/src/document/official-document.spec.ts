import { barChart, renderChart } from './chart.renderer';
import { docxParts, docxText } from './docx-parts';
import {
  DECREE_30_LAYOUT,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  QUANG_BINH_STTTT,
  RECIPIENTS_TITLE,
  documentSymbol,
  renderOfficialDocument,
  vietnameseDate,
  type OfficialDocumentSpec,
} from './official-document';

const twipsOfMm = (mm: number) => (mm * 1440) / 25.4;

async function sample(): Promise<OfficialDocumentSpec> {
  const chart = await renderChart(barChart('Số vụ việc', [{ label: 'Lừa đảo trực tuyến', count: 7 }]));
  return {
    issuer: QUANG_BINH_STTTT,
    documentType: { name: 'BÁO CÁO', abbreviation: 'BC' },
    number: 27,
    place: 'Quảng Bình',
    date: '2026-07-05',
    summary: 'Kết quả phối hợp xử lý thông tin trên mạng 6 tháng đầu năm 2026',
    blocks: [
      { kind: 'heading', text: 'I. KẾT QUẢ' },
      { kind: 'paragraph', text: 'Trong kỳ báo cáo đã tiếp nhận 7 vụ việc.' },
      { kind: 'table', caption: 'Số vụ việc theo loại', header: ['Loại', 'Số vụ việc'], rows: [['Lừa đảo trực tuyến', '7']] },
      { kind: 'image', ...chart, caption: 'Biểu đồ 1' },
    ],
    recipients: ['UBND tỉnh (để báo cáo);', 'Lưu: VT.'],
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'Phó Giám đốc', name: 'Nguyễn Văn A' },
  };
}

describe('renderOfficialDocument (Decree 30/2020, Phụ lục I)', () => {
  let parts: Map<string, string>;
  let body: string;

  beforeAll(async () => {
    parts = await docxParts(await renderOfficialDocument(await sample()));
    body = parts.get('word/document.xml')!;
  });

  it('is A4 portrait', () => {
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('keeps the margins within the decree’s ranges', () => {
    const margin = body.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    const value = (name: string) => Number(margin.match(new RegExp(`w:${name}="(\\d+)"`))![1]);
    expect(value('top')).toBeGreaterThanOrEqual(twipsOfMm(20));
    expect(value('top')).toBeLessThanOrEqual(twipsOfMm(25));
    expect(value('bottom')).toBeGreaterThanOrEqual(twipsOfMm(20));
    expect(value('bottom')).toBeLessThanOrEqual(twipsOfMm(25));
    expect(value('left')).toBeGreaterThanOrEqual(twipsOfMm(30));
    expect(value('left')).toBeLessThanOrEqual(twipsOfMm(35));
    expect(value('right')).toBeGreaterThanOrEqual(twipsOfMm(15));
    expect(value('right')).toBeLessThanOrEqual(twipsOfMm(20));
  });

  it('sets every run in Times New Roman at 13–14 pt for the body', () => {
    const fonts = [...body.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(10);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(DECREE_30_LAYOUT.bodySize / 2).toBeGreaterThanOrEqual(13);
    expect(DECREE_30_LAYOUT.bodySize / 2).toBeLessThanOrEqual(14);
  });

  it('shows the issuing body beside the national title and motto in a borderless two-column table', () => {
    const text = docxText(body);
    for (const line of [
      'UBND TỈNH QUẢNG BÌNH',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      NATIONAL_TITLE,
      NATIONAL_MOTTO,
      'Số: 27/BC-STTTT',
      'Quảng Bình, ngày 05 tháng 7 năm 2026',
    ]) {
      expect(text).toContain(line);
    }
    const firstTable = body.slice(body.indexOf('<w:tbl>'), body.indexOf('</w:tbl>'));
    expect(firstTable.match(/<w:tc>/g)).toHaveLength(2);
    expect(firstTable).toContain(NATIONAL_TITLE);
    expect(firstTable).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(firstTable).toContain('<w:tblBorders>');
    expect(firstTable).not.toMatch(/<w:(top|left|bottom|right|insideH|insideV) w:val="(?!none)/);
  });

  it('underlines the motto in bold and prints place and date in italics', () => {
    const run = (text: string) => {
      const at = body.indexOf(`>${text}<`);
      return body.slice(body.lastIndexOf('<w:r>', at), at);
    };
    expect(run(NATIONAL_MOTTO)).toContain('<w:b/>');
    expect(run(NATIONAL_MOTTO)).toContain('<w:u w:val="single"/>');
    expect(run('Quảng Bình, ngày 05 tháng 7 năm 2026')).toContain('<w:i/>');
  });

  it('justifies body paragraphs with a first-line indent', () => {
    const at = body.indexOf('Trong kỳ báo cáo đã tiếp nhận 7 vụ việc.');
    const paragraph = body.slice(body.lastIndexOf('<w:p>', at), at);
    expect(paragraph).toContain('<w:jc w:val="both"/>');
    expect(paragraph).toMatch(/<w:ind w:firstLine="\d+"\/>/);
  });

  it('ends with the recipients and the signature', () => {
    const text = docxText(body);
    expect(text).toContain(RECIPIENTS_TITLE);
    expect(text).toContain('- UBND tỉnh (để báo cáo);');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text.indexOf(RECIPIENTS_TITLE)).toBeGreaterThan(text.indexOf('Trong kỳ báo cáo'));
  });

  it('numbers pages from page 2: a first-page header without a number, the default one with PAGE', () => {
    expect(body).toContain('<w:titlePg/>');
    const refs = [...body.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => ({ type: m[1], id: m[2] }));
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const headerOf = (type: string) => {
      const id = refs.find((r) => r.type === type)!.id;
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))![1]!;
      return parts.get(`word/${target}`)!;
    };
    expect(headerOf('default')).toMatch(/PAGE/);
    expect(headerOf('first')).not.toMatch(/PAGE/);
  });

  it('embeds the chart as a PNG and the table with its header', () => {
    expect(body).toContain('<pic:pic');
    expect(parts.get('word/_rels/document.xml.rels')).toMatch(/Target="media\/[^"]+\.png"/);
    expect(docxText(body)).toContain('Số vụ việc theo loại');
  });
});

describe(vietnameseDate.name, () => {
  it.each([
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-28', 'ngày 28 tháng 02 năm 2026'],
    ['2026-03-09', 'ngày 09 tháng 3 năm 2026'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
  ])('%s → %s', (day, text) => {
    expect(vietnameseDate(day)).toBe(text);
  });
});

describe(documentSymbol.name, () => {
  it('leaves the number blank until it is registered', () => {
    expect(documentSymbol({ number: null, documentType: { name: 'BÁO CÁO', abbreviation: 'BC' }, issuer: QUANG_BINH_STTTT })).toBe('Số:       /BC-STTTT');
  });
});
