import type { ConsolidatedReportDto } from '@phoi-hop/contracts';
import { barChart, renderChart } from './chart.renderer';
import { QUANG_BINH_STTTT, type DocumentBlock, type OfficialDocumentSpec } from './official-document';
import { NO_NAMES, statisticsTables, type ReferenceNames } from './statistics-tables';

/** Who receives a consolidated report (Đ7.4: Sở TT&TT reports to the People's Committee). */
export const PERIOD_REPORT_RECIPIENTS = [
  'UBND tỉnh (để báo cáo);',
  'Bộ Thông tin và Truyền thông (để báo cáo);',
  'Các sở, ban, ngành, địa phương;',
  'Lưu: VT, TTBCXB.',
];

const vn = (day: string) => day.split('-').reverse().join('/');

/**
 * The consolidated periodic report (Đ7.3–7.4) as an official document: the figures of the
 * period with charts, then each agency's section (what was done, difficulties, proposals), the
 * agencies that did not report, and the proposals gathered for the People's Committee.
 */
export async function periodReportSpec(report: ConsolidatedReportDto, issuedOn: string, names: ReferenceNames = NO_NAMES): Promise<OfficialDocumentSpec> {
  const { period, statistics } = report;
  const tables = statisticsTables(statistics, names);
  const table = (id: string) => tables.find((t) => t.id === id)!;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Quy chế phối hợp xử lý thông tin xấu, độc trên mạng (Quyết định số 3655/QĐ-UBND ngày 26/9/2019 của UBND tỉnh), Sở Thông tin và Truyền thông tổng hợp kết quả phối hợp từ ngày ${vn(period.from)} đến ngày ${vn(period.to)} như sau:`,
    },
    { kind: 'heading', text: 'I. KẾT QUẢ TIẾP NHẬN, XỬ LÝ' },
    {
      kind: 'paragraph',
      text: `Trong kỳ báo cáo đã tiếp nhận ${statistics.casesOpened} vụ việc; đã gửi ${statistics.removals.requested} đề nghị gỡ bỏ thông tin; tổ chức ${statistics.consultations.held.reduce((n, h) => n + h.count, 0)} lượt trao đổi, xin ý kiến các cơ quan.`,
    },
  ];
  const byCategory = statistics.byCategory.map((r) => ({ label: names.categories[r.code] ?? r.code, count: r.count }));
  if (byCategory.length) {
    const chart = await renderChart(barChart('Số vụ việc theo loại thông tin', byCategory));
    blocks.push({ kind: 'image', ...chart, caption: 'Biểu đồ 1. Số vụ việc theo loại thông tin' });
  }
  for (const id of ['by_category', 'by_locality', 'by_outcome', 'timeliness', 'actions', 'removals']) {
    const t = table(id);
    if (t.rows.length) blocks.push({ kind: 'table', caption: t.title, header: t.header, rows: t.rows.map((row) => row.map(String)) });
  }
  blocks.push({ kind: 'heading', text: 'II. BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ' });
  period.sections.forEach((section, index) => {
    const current = section.current!;
    blocks.push({ kind: 'heading', text: `${index + 1}. ${names.agencies[section.agencyCode] ?? section.agencyCode}` });
    blocks.push({ kind: 'paragraph', text: `a) Kết quả thực hiện: ${current.accomplishments || 'Không có.'}` });
    blocks.push({ kind: 'paragraph', text: `b) Khó khăn, vướng mắc: ${current.difficulties || 'Không có.'}` });
    blocks.push({ kind: 'paragraph', text: `c) Đề xuất, kiến nghị: ${current.proposals || 'Không có.'}` });
  });
  if (report.missingAgencyCodes.length) {
    blocks.push({
      kind: 'paragraph',
      italic: true,
      text: `Các cơ quan chưa gửi báo cáo: ${report.missingAgencyCodes.map((code) => names.agencies[code] ?? code).join(', ')}.`,
    });
  }
  blocks.push({ kind: 'heading', text: 'III. ĐỀ XUẤT, KIẾN NGHỊ' });
  const proposals = period.sections.map((s) => s.current!.proposals.trim()).filter(Boolean);
  blocks.push({
    kind: 'paragraph',
    text: proposals.length
      ? 'Sở Thông tin và Truyền thông tổng hợp các đề xuất, kiến nghị của các cơ quan nêu tại Mục II, kính trình UBND tỉnh xem xét, chỉ đạo.'
      : 'Trong kỳ báo cáo, các cơ quan không có đề xuất, kiến nghị.',
  });
  blocks.push({ kind: 'paragraph', text: 'Số liệu chi tiết tại Phụ lục kèm theo (tệp .xlsx).' });
  return {
    issuer: QUANG_BINH_STTTT,
    documentType: { name: 'BÁO CÁO', abbreviation: 'BC' },
    number: null,
    place: 'Quảng Bình',
    date: issuedOn,
    summary: `Kết quả phối hợp xử lý thông tin trên mạng từ ngày ${vn(period.from)} đến ngày ${vn(period.to)}`,
    blocks,
    recipients: PERIOD_REPORT_RECIPIENTS,
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null },
  };
}
