import type { CaseDto, ConsultationDto, EvidenceItemDto } from '@phoi-hop/contracts';
import { docxParts, docxText } from '../document/docx-parts';
import { renderOfficialDocument } from '../document/official-document';
import { NO_NAMES } from '../document/statistics-tables';
import { dossierSpec, type DossierContent } from './dossier.document';

const kase = {
  id: 'c1',
  number: 'QB-2026-000042',
  status: 'ACTING',
  categoryCode: 'IMPERSONATION_SCAM',
  severity: 'HIGH',
  localityCode: 'LE_THUY',
  openedAt: '2026-03-01T01:00:00.000Z',
  reports: [
    { submittedAt: '2026-03-01T01:00:00.000Z', reporterAgencyCode: 'UBND_LE_THUY', url: 'https://facebook.com/gia-mao', excerpt: 'Trang giả mạo UBND huyện' },
  ],
  participants: [
    { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
    { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2' },
  ],
  decisions: [
    {
      id: 'd1',
      finding: 'UNLAWFUL',
      provisions: [{ code: 'ND15', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101' }],
      statementOfReasons: 'Trang mạo danh cơ quan nhà nước để lừa đảo.',
      decidedByAgency: 'STTTT',
      decidedAt: '2026-03-02T03:00:00.000Z',
    },
  ],
  actions: [
    {
      id: 'a1',
      decisionId: 'd1',
      type: 'REQUEST_REMOVAL',
      assigneeAgencyCode: 'STTTT',
      dueDate: '2026-03-05',
      status: 'DONE',
      result: 'Đã gỡ',
      withheld: false,
    },
    {
      id: 'a2',
      decisionId: 'd1',
      type: 'REFER_TO_POLICE',
      assigneeAgencyCode: 'CA',
      dueDate: '2026-03-10',
      status: 'IN_PROGRESS',
      result: null,
      withheld: true,
    },
  ],
} as unknown as CaseDto;
const consultation = {
  mode: 'WRITTEN',
  openedAt: '2026-03-01T05:00:00.000Z',
  subject: 'Xin ý kiến về biện pháp xử lý trang giả mạo',
  invitations: [{ agencyCode: 'CA', position: 'AGREE', reasoning: 'Đồng ý đề nghị gỡ', respondedAt: '2026-03-01T09:00:00.000Z' }],
  resolution: { summary: 'Thống nhất đề nghị gỡ và chuyển Công an' },
} as unknown as ConsultationDto;
const evidence = {
  kind: 'WEB_CAPTURE',
  capturedAt: '2026-03-01T02:00:00.000Z',
  capturedByAgency: 'STTTT',
  sha256: 'ab'.repeat(32),
} as unknown as EvidenceItemDto;

async function textOf(content: DossierContent): Promise<string> {
  const docx = await renderOfficialDocument(dossierSpec(content, '2026-03-12', NO_NAMES, ['Công an tỉnh;']));
  return docxText((await docxParts(docx)).get('word/document.xml')!);
}

describe(dossierSpec.name, () => {
  it('holds the reports, routing with articles, opinions, the decision with its reasons, actions and evidence hashes', async () => {
    const text = await textOf({ kase, consultations: [consultation], evidence: [evidence], referrals: [] });
    for (const expected of [
      'HỒ SƠ VỤ VIỆC',
      'Số:       /HS-STTTT',
      'Vụ việc số QB-2026-000042',
      'https://facebook.com/gia-mao',
      'Đ6.2',
      'Đồng ý đề nghị gỡ',
      'Kết luận: Thống nhất đề nghị gỡ và chuyển Công an',
      'Căn cứ pháp lý: Nghị định 15/2020/NĐ-CP, Điều 101.',
      'Lý do: Trang mạo danh cơ quan nhà nước để lừa đảo.',
      'Đã gỡ',
      'ab'.repeat(32),
      'Nơi nhận:',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Thông tin hạn chế, không hiển thị');
  });

  it('says the police referrals were left out when the reader may not read them', async () => {
    expect(await textOf({ kase, consultations: [], evidence: [], referrals: null })).toContain('Thông tin chuyển Công an tỉnh là thông tin hạn chế');
    expect(await textOf({ kase, consultations: [], evidence: [], referrals: [] })).not.toContain('thông tin hạn chế, không đưa vào');
  });
});
