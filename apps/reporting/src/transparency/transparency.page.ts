import type { PublishedBreakdown, TransparencyReportDto } from '@phoi-hop/contracts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const vn = (day: string) => day.split('-').reverse().join('/');
const value = (v: number | string) => escapeHtml(typeof v === 'number' ? v.toLocaleString('vi-VN') : v);

function table(title: string, breakdown: PublishedBreakdown): string {
  const rows = breakdown.rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td class="n">${value(r.count)}</td></tr>`).join('');
  return `<section><h2>${escapeHtml(title)}</h2><table><thead><tr><th>Nội dung</th><th class="n">Số lượng</th></tr></thead><tbody>${rows || '<tr><td colspan="2">Không có</td></tr>'}</tbody><tfoot><tr><th>Tổng số</th><th class="n">${value(breakdown.total)}</th></tr></tfoot></table></section>`;
}

/** The public transparency report as a plain HTML page (no script, no external resource). */
export function transparencyPage(report: TransparencyReportDto): string {
  const r = report.removalRequests;
  const rate = r.complianceRate === null ? 'Không công bố (dưới 5 trường hợp)' : `${(r.complianceRate * 100).toFixed(1).replace('.', ',')}%`;
  const hours = r.medianHoursToEffect === null ? 'Không công bố (dưới 5 trường hợp)' : `${r.medianHoursToEffect.toFixed(1).replace('.', ',')} giờ`;
  const c = report.complaints;
  const reversal = c.reversalRate === null ? 'Không công bố (dưới 5 trường hợp)' : `${(c.reversalRate * 100).toFixed(1).replace('.', ',')}%`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Báo cáo minh bạch ${vn(report.from)} – ${vn(report.to)}</title>
<style>body{font-family:"Times New Roman",serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left}.n{text-align:right}footer{font-size:.9rem;color:#444}</style>
</head><body>
<h1>Báo cáo minh bạch về xử lý thông tin trên mạng</h1>
<p>Kỳ báo cáo: từ ngày ${vn(report.from)} đến ngày ${vn(report.to)}. Chỉ công bố số liệu tổng hợp; số lượng từ 1 đến 4 được ghi là “&lt;5” để không thể nhận diện vụ việc cụ thể.</p>
${table('Đề nghị gỡ bỏ theo nền tảng', r.byPlatform)}
${table('Đề nghị gỡ bỏ theo căn cứ pháp lý', r.byLegalBasis)}
${table('Kết quả đề nghị gỡ bỏ', r.byOutcome)}
<p>Tỷ lệ nền tảng thực hiện: ${escapeHtml(rate)}. Thời gian đến khi gỡ bỏ (trung vị): ${escapeHtml(hours)}.</p>
${table('Biện pháp hạn chế theo loại', report.restrictiveActions.byType)}
${table('Biện pháp hạn chế theo căn cứ', report.restrictiveActions.byGround)}
${table('Phản ánh, khiếu nại về đạo đức nghề nghiệp người làm báo', report.complaints.byKind)}
${table('Kết luận của Hội đồng đạo đức theo hình thức', report.complaints.rulingOutcomes)}
${table('Quyết định giải quyết khiếu nại kết luận', report.complaints.appealDecisions)}
${table('Kết quả giải quyết khiếu nại', report.complaints.appealOutcomes)}
<p>Tỷ lệ kết luận bị thay đổi sau khiếu nại: ${escapeHtml(reversal)}.</p>
<footer>Lập lúc ${escapeHtml(report.generatedAt)}. Dữ liệu máy đọc được: <a href="transparency.json?from=${report.from}&amp;to=${report.to}">JSON</a>.</footer>
</body></html>
`;
}
