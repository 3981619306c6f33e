import { AlignmentType, Document, ExternalHyperlink, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { DailyDigestDto, DigestItemDto } from '@phoi-hop/contracts';
import { vietnameseDate } from './digest.rules';

/** The issuing body printed at the head of the digest (Đ6.1: the lead agency prepares the press review). */
export const DIGEST_ISSUING_BODY = 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG';

// docx measures pages in twentieths of a point (1 mm ≈ 56.7) and font sizes in half-points.
const MM = 56.7;
const A4 = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const FONT = 'Times New Roman';
const SIZE_13 = 26;

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * The day's digest as a plain official-looking .docx: A4 with the administrative margins, Times New
 * Roman 13, the issuing body, the title "ĐIỂM BÁO NGÀY dd/mm/yyyy", then each group (locality or
 * topic) with its items: title, source and time, excerpt, link. Built with the docx package.
 */
export function renderDigestDocument(digest: DailyDigestDto): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: DIGEST_ISSUING_BODY, bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 120 },
      children: [new TextRun({ text: `ĐIỂM BÁO NGÀY ${vietnameseDate(digest.day)}`, bold: true, size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `Tổng số tin: ${digest.itemCount}`, italics: true })],
    }),
  ];
  if (!digest.groups.length) children.push(body([new TextRun('Không có tin nào khớp với từ khóa và địa bàn trong ngày.')]));
  digest.groups.forEach((group, index) => {
    const heading = group.kind === 'LOCALITY' ? `Địa bàn: ${group.term}` : `Chủ đề: ${group.term}`;
    children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `${roman(index + 1)}. ${heading}`, bold: true })] }));
    group.items.forEach((item, n) => children.push(...itemParagraphs(item, n + 1)));
  });
  const document = new Document({
    creator: DIGEST_ISSUING_BODY,
    title: `Điểm báo ngày ${vietnameseDate(digest.day)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_13 }, paragraph: { spacing: { line: 276 } } } } },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function itemParagraphs(item: DigestItemDto, n: number): Paragraph[] {
  const when = item.publishedAt ?? item.firstSeenAt;
  const terms = item.matches.map((m) => m.term).join(', ');
  return [
    body([new TextRun({ text: `${n}. ${item.title}`, bold: true })], 60),
    body([new TextRun({ text: `Nguồn: ${item.feedName} — ${TIME.format(new Date(when))}. Khớp: ${terms}.`, italics: true })], 60),
    ...(item.excerpt ? [body([new TextRun(item.excerpt)], 60)] : []),
    body([new ExternalHyperlink({ link: item.link, children: [new TextRun({ text: item.link, style: 'Hyperlink' })] })], 160),
  ];
}

function body(children: ParagraphChild[], after = 120): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { after }, children });
}

function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}
