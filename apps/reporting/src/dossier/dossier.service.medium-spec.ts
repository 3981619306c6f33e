import { HttpAdapterHost } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, RpcSubjects, type CaseDto, type ConsultationDto, type EvidenceItemDto, type PoliceReferralDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { actorOf, createServiceTestbed, InMemoryServices, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { documentDownloadProviders } from '../download/document-download.providers';
import { TEST_DOWNLOAD_SETTINGS } from '../download/document-download.medium-testbed';
import { docxParts, docxText } from '../document/docx-parts';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { TEST_REFERENCE_DATA } from '../period/period.medium-testbed';
import { DossierReader } from './dossier.reader';
import { DossierService } from './dossier.service';

const coordinator = actorOf({ username: 'dieuphoi.stttt', agencyCode: 'STTTT', roles: ['COORDINATOR'] });
const health = actorOf({ username: 'canbo.syt', agencyCode: 'SYT', roles: ['OFFICER'] });

const CASE_ID = '0b9f7a52-3f0c-4d7e-9a51-7c2a5f1e0d42';
const kase = {
  id: CASE_ID,
  number: 'QB-2026-000042',
  status: 'ACTING',
  categoryCode: 'IMPERSONATION_SCAM',
  severity: 'HIGH',
  localityCode: 'LE_THUY',
  openedAt: '2026-03-01T01:00:00.000Z',
  reports: [
    { submittedAt: '2026-03-01T01:00:00.000Z', reporterAgencyCode: 'SYT', url: 'https://facebook.com/gia-mao-syt', excerpt: 'Trang giả mạo Sở Y tế bán thuốc' },
    {
      submittedAt: '2026-03-01T04:30:00.000Z',
      reporterAgencyCode: 'CA',
      url: 'https://zalo.me/gia-mao-ca',
      excerpt: 'Tài khoản giả mạo Công an gọi điện lừa đảo',
    },
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
      statementOfReasons: 'Trang mạo danh cơ quan nhà nước để lừa đảo người dân.',
      decidedByAgency: 'STTTT',
      decidedAt: '2026-03-02T03:00:00.000Z',
      assessment: null,
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
      result: 'Nền tảng đã gỡ trang',
      withheld: false,
      removal: null,
    },
  ],
} as unknown as CaseDto;
const consultations = [
  {
    mode: 'WRITTEN',
    openedAt: '2026-03-01T05:00:00.000Z',
    subject: 'Xin ý kiến về biện pháp xử lý trang giả mạo',
    invitations: [{ agencyCode: 'CA', position: 'AGREE', reasoning: 'Đồng ý đề nghị gỡ trang', respondedAt: '2026-03-01T09:00:00.000Z' }],
    resolution: { summary: 'Thống nhất đề nghị gỡ và chuyển Công an' },
  },
] as unknown as ConsultationDto[];
const evidence = [
  { kind: 'WEB_CAPTURE', capturedAt: '2026-03-01T02:00:00.000Z', capturedByAgency: 'STTTT', sha256: 'cd'.repeat(32) },
] as unknown as EvidenceItemDto[];
const referrals = [{ requestedAt: '2026-03-03T02:00:00.000Z', policeReference: 'CA-PA05-2026-117', status: 'ACCEPTED' }] as unknown as PoliceReferralDto[];

describe(DossierService.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: DossierService;
  /** Whether the evidence service lets the current reader see the police referrals. */
  let referralsForbidden = false;
  const services = new InMemoryServices()
    .answer(RpcSubjects.directory.referenceData, () => TEST_REFERENCE_DATA)
    .answer<{ id: string }>(RpcSubjects.intake.caseGet, ({ id }) => {
      if (id !== CASE_ID) throw new RpcCallError(ErrorCodes.NOT_FOUND, 'No such case', 'id');
      return kase;
    })
    .answer(RpcSubjects.consultation.list, () => consultations)
    .answer(RpcSubjects.evidence.itemList, () => evidence)
    .answer(RpcSubjects.evidence.referralList, () => {
      if (referralsForbidden) throw new RpcCallError(ErrorCodes.FORBIDDEN, 'Police referrals are restricted');
      return referrals;
    });

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        { provide: RpcClient, useValue: services },
        { provide: HttpAdapterHost, useValue: {} },
        ...documentDownloadProviders(TEST_DOWNLOAD_SETTINGS),
        ReferenceNamesReader,
        DossierReader,
        DossierService,
      ],
    }).compile();
    sut = module.get(DossierService);
  });

  afterAll(async () => {
    await module?.close();
    await bed?.cleanup();
  });

  beforeEach(() => {
    referralsForbidden = false;
  });

  async function textOf(contentBase64: string): Promise<string> {
    return docxText((await docxParts(Buffer.from(contentBase64, 'base64'))).get('word/document.xml')!);
  }

  describe('render', () => {
    it('holds the case’s reports, consultation, decision, actions, evidence and referrals as the services answered them, and audits the export', async () => {
      const document = await sut.render(coordinator, CASE_ID, 'DOCX');
      expect(document).toMatchObject({ fileName: 'ho-so-QB-2026-000042.docx', mimeType: expect.stringContaining('wordprocessingml') });
      const bytes = Buffer.from(document.contentBase64!, 'base64');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const text = await textOf(document.contentBase64!);
      for (const expected of [
        'HỒ SƠ VỤ VIỆC',
        'Vụ việc số QB-2026-000042',
        'Giả mạo cơ quan để lừa đảo',
        'Huyện Lệ Thủy',
        'https://facebook.com/gia-mao-syt',
        'Tài khoản giả mạo Công an gọi điện lừa đảo',
        'Sở Y tế',
        'Đồng ý đề nghị gỡ trang',
        'Kết luận: Thống nhất đề nghị gỡ và chuyển Công an',
        'Căn cứ pháp lý: Nghị định 15/2020/NĐ-CP, Điều 101.',
        'Lý do: Trang mạo danh cơ quan nhà nước để lừa đảo người dân.',
        'Nền tảng đã gỡ trang',
        'cd'.repeat(32),
        '7. Chuyển Công an tỉnh',
        'CA-PA05-2026-117',
        'Hội Nhà báo tỉnh;',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('thông tin hạn chế, không đưa vào');
      expect(services.calls.filter((c) => c.subject === RpcSubjects.intake.caseGet).at(-1)?.data).toEqual({ id: CASE_ID, withReports: true });
      const audit = await bed.audit(CASE_ID);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'reporting.dossier-exported',
          targetType: 'case',
          actorAgency: 'STTTT',
          summary: { format: 'DOCX', sha256: document.sha256, withRestricted: true, evidence: 1 },
        }),
      ]);
    });

    it('withholds the police referrals when the evidence service answers FORBIDDEN, and says so', async () => {
      referralsForbidden = true;
      const document = await sut.render(health, CASE_ID, 'DOCX');
      const text = await textOf(document.contentBase64!);
      expect(text).toContain('Thông tin chuyển Công an tỉnh là thông tin hạn chế, không đưa vào bản hồ sơ này.');
      expect(text).not.toContain('CA-PA05-2026-117');
      expect(text).not.toContain('7. Chuyển Công an tỉnh');
      expect(text).toContain('https://facebook.com/gia-mao-syt');
      expect((await bed.audit(CASE_ID)).at(-1)).toMatchObject({ actorAgency: 'SYT', summary: { withRestricted: false, sha256: document.sha256 } });
    });

    it('passes on a case the reader may not see, exporting and auditing nothing', async () => {
      const before = (await bed.audit()).length;
      await expect(sut.render(coordinator, '7d3c1c1e-0000-4000-8000-000000000000', 'DOCX')).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      expect(await bed.audit()).toHaveLength(before);
    });

    it('converts to PDF', async () => {
      const pdf = await sut.render(coordinator, CASE_ID, 'PDF');
      expect(pdf).toMatchObject({ fileName: 'ho-so-QB-2026-000042.pdf', mimeType: 'application/pdf' });
      expect(Buffer.from(pdf.contentBase64!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }, 180_000);
  });
});
