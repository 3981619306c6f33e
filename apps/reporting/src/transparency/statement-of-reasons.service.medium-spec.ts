import { Test, type TestingModule } from '@nestjs/testing';
import { ErrorCodes, RpcSubjects, type CaseDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { actorOf, InMemoryServices } from '@phoi-hop/testing-medium';
import { StatementOfReasonsService } from './statement-of-reasons.service';

const officer = actorOf({ username: 'canbo.stttt', agencyCode: 'STTTT', roles: ['OFFICER'] });

const CASE_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const kase = {
  id: CASE_ID,
  number: 'QB-2026-000077',
  categoryCode: 'IMPERSONATION_SCAM',
  openedAt: '2026-04-01T01:00:00.000Z',
  decisions: [
    {
      id: 'd-remove',
      finding: 'UNLAWFUL',
      provisions: [
        { code: 'ND15', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101' },
        { code: 'LANM', citation: 'Luật An ninh mạng 2018, Điều 8' },
      ],
      statementOfReasons: 'Trang mạo danh cơ quan nhà nước để lừa đảo.',
      decidedByAgency: 'STTTT',
      decidedAt: '2026-04-02T03:00:00.000Z',
      assessment: {
        isFactualClaim: true,
        verifiedFalseBy: 'CA',
        isPublicInterestReporting: false,
        isGenuineGrievance: false,
        proportionality: 'Gỡ bỏ là biện pháp tối thiểu.',
        concludesNotProtected: true,
      },
    },
    {
      id: 'd-none',
      finding: 'GRIEVANCE',
      provisions: [],
      statementOfReasons: 'Ý kiến phản ánh chính đáng.',
      decidedByAgency: 'STTTT',
      decidedAt: '2026-04-03T03:00:00.000Z',
      assessment: null,
    },
  ],
  actions: [
    {
      id: 'a1',
      decisionId: 'd-remove',
      type: 'REQUEST_REMOVAL',
      status: 'DONE',
      withheld: false,
      removal: { platform: 'FACEBOOK' },
    },
    { id: 'a2', decisionId: 'd-remove', type: 'PUBLISH_CLARIFICATION', status: 'DONE', withheld: false, removal: null },
  ],
} as unknown as CaseDto;

describe(StatementOfReasonsService.name, () => {
  let module: TestingModule;
  let sut: StatementOfReasonsService;
  const services = new InMemoryServices().answer<{ id: string }>(RpcSubjects.intake.caseGet, ({ id }) => {
    if (id !== CASE_ID) throw new RpcCallError(ErrorCodes.NOT_FOUND, 'No such case', 'id');
    return kase;
  });

  beforeAll(async () => {
    module = await Test.createTestingModule({ providers: [{ provide: RpcClient, useValue: services }, StatementOfReasonsService] }).compile();
    sut = module.get(StatementOfReasonsService);
  });

  afterAll(async () => {
    await module?.close();
  });

  describe('forCase', () => {
    it('gives each decision of the case as a DSA statement of reasons, read from intake without the reports', async () => {
      const statements = await sut.forCase(officer, CASE_ID, null);
      expect(statements.map((s) => s.puid)).toEqual(['d-remove', 'd-none']);
      expect(statements[0]).toMatchObject({
        decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_CONTENT_REMOVED'],
        decision_visibility_other: null,
        decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
        illegal_content_legal_ground: 'Nghị định 15/2020/NĐ-CP, Điều 101; Luật An ninh mạng 2018, Điều 8',
        illegal_content_explanation: 'Trang mạo danh cơ quan nhà nước để lừa đảo.',
        automated_detection: 'No',
        automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
        territorial_scope: ['VN'],
        category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
        application_date: '2026-04-01T01:00:00.000Z',
        decision_date: '2026-04-02T03:00:00.000Z',
        platform_name: 'FACEBOOK',
      });
      expect(statements[0]!.decision_facts).toContain('Proportionality: Gỡ bỏ là biện pháp tối thiểu.');
      expect(statements[1]).toMatchObject({
        decision_visibility: ['DECISION_VISIBILITY_OTHER'],
        decision_visibility_other: 'No restriction',
        illegal_content_legal_ground: '',
        platform_name: null,
      });
      expect(services.calls.at(-1)).toEqual({ subject: RpcSubjects.intake.caseGet, data: { id: CASE_ID, withReports: false } });
    });

    it('gives one decision when asked, NOT_FOUND for a decision not on the case or a case intake does not show', async () => {
      expect((await sut.forCase(officer, CASE_ID, 'd-none')).map((s) => s.puid)).toEqual(['d-none']);
      await expect(sut.forCase(officer, CASE_ID, 'd-other')).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      await expect(sut.forCase(officer, '00000000-0000-4000-8000-000000000000', null)).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
    });
  });
});
