import {
  CASE_STATUS_LABELS,
  CONSULTATION_MODE_LABELS,
  EVIDENCE_KIND_LABELS,
  FINDING_LABELS,
  HANDLING_ACTION_STATUS_LABELS,
  HANDLING_ACTION_TYPE_LABELS,
  OPINION_POSITION_LABELS,
  PARTICIPANT_ROLE_LABELS,
  POLICE_REFERRAL_STATUS_LABELS,
  SEVERITY_LABELS,
  type CaseDto,
  type ConsultationDto,
  type EvidenceItemDto,
  type PoliceReferralDto,
} from '@phoi-hop/contracts';
import { QUANG_BINH_STTTT, type DocumentBlock, type OfficialDocumentSpec } from '../document/official-document';
import type { ReferenceNames } from '../document/statistics-tables';

/** What a dossier gathers from the services, each part as the reader may see it (null: the service withheld it). */
export interface DossierContent {
  kase: CaseDto;
  consultations: ConsultationDto[];
  evidence: EvidenceItemDto[];
  /** Police referrals are restricted data (Đ6.2): null when the reader may not read them. */
  referrals: PoliceReferralDto[] | null;
}

const time = (iso: string | null) => {
  if (!iso) return '—';
  // Province time (UTC+7), as officials read it.
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

/**
 * A case's dossier (hồ sơ vụ việc) as an official document: the reports, who was routed in and
 * by which article, the consultations and opinions, the decisions with their statements of
 * reasons, the handling actions and results, and the evidence with its SHA-256 hashes. Agencies
 * hand it to the police or the press association with a referral.
 */
export function dossierSpec(content: DossierContent, issuedOn: string, names: ReferenceNames, recipients: string[]): OfficialDocumentSpec {
  const { kase } = content;
  const agency = (code: string) => names.agencies[code] ?? code;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `Vụ việc số ${kase.number}, loại thông tin: ${names.categories[kase.categoryCode] ?? kase.categoryCode}; địa bàn: ${kase.localityCode ? (names.localities[kase.localityCode] ?? kase.localityCode) : '—'}; mức độ: ${SEVERITY_LABELS[kase.severity].vi}; tình trạng: ${CASE_STATUS_LABELS[kase.status].vi}; tiếp nhận lúc ${time(kase.openedAt)}.`,
    },
    { kind: 'heading', text: '1. Thông tin được phản ánh' },
    {
      kind: 'table',
      header: ['Thời điểm', 'Cơ quan phản ánh', 'Đường dẫn', 'Trích dẫn'],
      rows: kase.reports.map((r) => [time(r.submittedAt), agency(r.reporterAgencyCode), r.url, r.excerpt]),
    },
    { kind: 'heading', text: '2. Cơ quan chủ trì, phối hợp và căn cứ' },
    {
      kind: 'table',
      header: ['Cơ quan', 'Vai trò', 'Căn cứ (Quy chế 3655)'],
      rows: kase.participants.map((p) => [agency(p.agencyCode), PARTICIPANT_ROLE_LABELS[p.role].vi, p.basis]),
    },
    { kind: 'heading', text: '3. Trao đổi, xin ý kiến' },
  ];
  if (!content.consultations.length) blocks.push({ kind: 'paragraph', text: 'Không tổ chức trao đổi, xin ý kiến.' });
  for (const c of content.consultations) {
    blocks.push({ kind: 'paragraph', text: `${CONSULTATION_MODE_LABELS[c.mode].vi} (${time(c.openedAt)}): ${c.subject}` });
    blocks.push({
      kind: 'table',
      header: ['Cơ quan', 'Ý kiến', 'Nội dung', 'Thời điểm'],
      rows: c.invitations.map((i) => [
        agency(i.agencyCode),
        i.position ? OPINION_POSITION_LABELS[i.position].vi : 'Chưa có ý kiến',
        i.reasoning ?? '',
        time(i.respondedAt),
      ]),
    });
    if (c.resolution) blocks.push({ kind: 'paragraph', text: `Kết luận: ${c.resolution.summary}` });
  }
  blocks.push({ kind: 'heading', text: '4. Quyết định xử lý và lý do' });
  if (!kase.decisions.length) blocks.push({ kind: 'paragraph', text: 'Chưa có quyết định xử lý.' });
  for (const d of kase.decisions) {
    blocks.push({ kind: 'paragraph', text: `Ngày ${time(d.decidedAt)}, ${agency(d.decidedByAgency)} kết luận: ${FINDING_LABELS[d.finding].vi}.` });
    blocks.push({ kind: 'paragraph', text: `Căn cứ pháp lý: ${d.provisions.map((p) => p.citation).join('; ') || 'không viện dẫn'}.` });
    blocks.push({ kind: 'paragraph', text: `Lý do: ${d.statementOfReasons}` });
  }
  blocks.push({ kind: 'heading', text: '5. Biện pháp xử lý và kết quả' });
  blocks.push({
    kind: 'table',
    header: ['Biện pháp', 'Cơ quan thực hiện', 'Hạn', 'Tình trạng', 'Kết quả'],
    rows: kase.actions.map((a) => [
      HANDLING_ACTION_TYPE_LABELS[a.type].vi,
      agency(a.assigneeAgencyCode),
      a.dueDate.split('-').reverse().join('/'),
      HANDLING_ACTION_STATUS_LABELS[a.status].vi,
      a.withheld ? 'Thông tin hạn chế, không hiển thị' : (a.result ?? ''),
    ]),
  });
  blocks.push({ kind: 'heading', text: '6. Chứng cứ' });
  blocks.push({
    kind: 'table',
    header: ['Loại', 'Thời điểm thu thập', 'Cơ quan', 'SHA-256'],
    rows: content.evidence.map((e) => [EVIDENCE_KIND_LABELS[e.kind].vi, time(e.capturedAt), agency(e.capturedByAgency), e.sha256]),
  });
  if (content.referrals === null) {
    blocks.push({ kind: 'paragraph', italic: true, text: 'Thông tin chuyển Công an tỉnh là thông tin hạn chế, không đưa vào bản hồ sơ này.' });
  } else if (content.referrals.length) {
    blocks.push({ kind: 'heading', text: '7. Chuyển Công an tỉnh' });
    blocks.push({
      kind: 'table',
      header: ['Ngày chuyển', 'Số hiệu của Công an', 'Tình trạng'],
      rows: content.referrals.map((r) => [time(r.requestedAt), r.policeReference ?? '—', POLICE_REFERRAL_STATUS_LABELS[r.status].vi]),
    });
  }
  return {
    issuer: QUANG_BINH_STTTT,
    documentType: { name: 'HỒ SƠ VỤ VIỆC', abbreviation: 'HS' },
    number: null,
    place: 'Quảng Bình',
    date: issuedOn,
    summary: `Vụ việc số ${kase.number}`,
    blocks,
    recipients,
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null },
  };
}
