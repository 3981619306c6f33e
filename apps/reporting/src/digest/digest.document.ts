import type { DailyDigestDto, DigestItemDto } from '@phoi-hop/contracts';
import { QUANG_BINH_STTTT, renderOfficialDocument, type DocumentBlock, type OfficialDocumentSpec } from '../document/official-document';
import { vietnameseDate } from './digest.rules';

/** Đ6.1: Sở TT&TT holds the daily press review "to report to the provincial leaders". */
export const DIGEST_RECIPIENTS = [
  'Thường trực Tỉnh ủy (để báo cáo);',
  'Thường trực HĐND, UBND tỉnh (để báo cáo);',
  'Ban Tuyên giáo Tỉnh ủy;',
  'Lưu: VT, TTBCXB.',
];

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * The day's digest as an official document (Decree 30 layout, as the periodic report): a report of
 * Sở TT&TT dated the day it covers, then each group (locality or topic) with its items: title,
 * source and time, excerpt, link.
 */
export function digestSpec(digest: DailyDigestDto): OfficialDocumentSpec {
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Quy chế phối hợp xử lý thông tin xấu, độc trên mạng (Quyết định số 3655/QĐ-UBND ngày 26/9/2019 của UBND tỉnh), Sở Thông tin và Truyền thông báo cáo điểm báo ngày ${vietnameseDate(digest.day)}: tổng số ${digest.itemCount} tin khớp với từ khóa và địa bàn theo dõi.`,
    },
  ];
  if (!digest.groups.length) blocks.push({ kind: 'paragraph', text: 'Không có tin nào khớp với từ khóa và địa bàn trong ngày.' });
  digest.groups.forEach((group, index) => {
    const heading = group.kind === 'LOCALITY' ? `Địa bàn: ${group.term}` : `Chủ đề: ${group.term}`;
    blocks.push({ kind: 'heading', text: `${roman(index + 1)}. ${heading}` });
    group.items.forEach((item, n) => blocks.push(...itemBlocks(item, n + 1)));
  });
  return {
    issuer: QUANG_BINH_STTTT,
    documentType: { name: 'BÁO CÁO', abbreviation: 'BC' },
    number: null,
    place: 'Quảng Bình',
    date: digest.day,
    summary: `Điểm báo ngày ${vietnameseDate(digest.day)}`,
    blocks,
    recipients: DIGEST_RECIPIENTS,
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null },
  };
}

export function renderDigestDocument(digest: DailyDigestDto): Promise<Buffer> {
  return renderOfficialDocument(digestSpec(digest));
}

function itemBlocks(item: DigestItemDto, n: number): DocumentBlock[] {
  const when = item.publishedAt ?? item.firstSeenAt;
  const terms = item.matches.map((m) => m.term).join(', ');
  return [
    { kind: 'paragraph', text: `${n}. ${item.title}` },
    { kind: 'paragraph', italic: true, text: `Nguồn: ${item.feedName} — ${TIME.format(new Date(when))}. Khớp: ${terms}.` },
    ...(item.excerpt ? [{ kind: 'paragraph' as const, text: item.excerpt }] : []),
    { kind: 'link', url: item.link },
  ];
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
