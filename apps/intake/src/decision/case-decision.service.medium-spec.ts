import { EventSubjects, type CaseDto, type DecideCaseRequest } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseTransitionService } from '../case/case-transition.service';
import { CaseDecisionService } from './case-decision.service';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const assessment = {
  isFactualClaim: true,
  verifiedFalseBy: 'UBND_LE_THUY',
  isPublicInterestReporting: false,
  isGenuineGrievance: false,
  proportionality: 'Tin gây hoang mang trong mùa lũ; gỡ bài và đính chính là biện pháp tối thiểu',
  concludesNotProtected: true,
};
const reasons = 'Xác minh với Ban Chỉ huy PCTT: không có sự cố đập; thông tin sai sự thật gây hoang mang.';

describe(CaseDecisionService.name, () => {
  let bed: IntakeTestbed;
  let sut: CaseDecisionService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);

  const triagedCase = async (): Promise<CaseDto> => {
    const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    return bed.get(CaseTransitionService).transition(lead, { caseId: opened.id, command: 'TRIAGE' });
  };
  const falseRumour = (caseId: string, actions: DecideCaseRequest['actions']): DecideCaseRequest => ({
    caseId,
    finding: 'FALSE',
    provisionCodes: ['ND15_2020_D101'],
    assessment,
    statementOfReasons: reasons,
    actions,
  });

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(CaseDecisionService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('decide', () => {
    it('records a grounded decision and plans its actions: ACTING, action deadlines, the assignee sees the case', async () => {
      const triaged = await triagedCase();
      const result = await sut.decide(
        lead,
        falseRumour(triaged.id, [
          { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth() },
          { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() },
        ]),
      );
      expect(result.case.status).toBe('ACTING');
      expect(result.actions.map((a) => `${a.type}:${a.assigneeAgencyCode}:${a.status}`)).toEqual([
        'PUBLISH_CLARIFICATION:CONG_TTDT:PLANNED',
        'REQUEST_REMOVAL:STTTT:PLANNED',
      ]);
      expect(result.case.decisions).toEqual([
        expect.objectContaining({
          id: result.decisionId,
          finding: 'FALSE',
          statementOfReasons: reasons,
          provisions: [expect.objectContaining({ code: 'ND15_2020_D101' })],
        }),
      ]);
      const removal = result.case.actions.find((a) => a.type === 'REQUEST_REMOVAL')!;
      // The removal request targets the reported link on the decision's own grounds.
      expect(removal.removal).toMatchObject({
        platform: 'FACEBOOK',
        url: triaged.reports[0]!.canonicalUrl,
        legalBasis: [result.case.decisions[0]!.provisions[0]!.citation],
      });

      const [{ visible }] = await bed.dataSource.query(`SELECT visible_agencies AS visible FROM handling_case WHERE id = $1`, [triaged.id]);
      expect(visible).toContain('CONG_TTDT');
      const kinds = await bed.dataSource.query(`SELECT DISTINCT kind FROM case_deadline WHERE case_id = $1 AND cancelled_at IS NULL`, [triaged.id]);
      expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['ACTION']);
      // The event carries the removal request's platform and legal basis (codes and citations) for the transparency report, not its URL.
      const citation = result.case.decisions[0]!.provisions[0]!.citation;
      const decided = (await bed.outbox(triaged.id)).at(-1)!;
      expect(decided).toMatchObject({
        subject: EventSubjects.intake.caseDecided,
        data: { decisionId: result.decisionId, finding: 'FALSE', provisions: [citation], provisionCodes: ['ND15_2020_D101'] },
      });
      const eventActions = decided.data['actions'] as { type: string; removal?: unknown }[];
      expect(eventActions.map((a) => [a.type, a.removal ?? null])).toEqual([
        ['PUBLISH_CLARIFICATION', null],
        ['REQUEST_REMOVAL', { platform: 'FACEBOOK', provisionCodes: ['ND15_2020_D101'], legalBasis: [citation] }],
      ]);
      expect(JSON.stringify(decided.data)).not.toContain(removal.removal!.url);
      expect((await bed.audit(triaged.id)).at(-1)).toMatchObject({
        action: 'case.decided',
        summary: { after: { status: 'ACTING' }, actions: ['PUBLISH_CLARIFICATION', 'REQUEST_REMOVAL'] },
      });
    });

    it('answers a retried decision with the same key from the first answer; another decision under that key is CONFLICT', async () => {
      const triaged = await triagedCase();
      const request = {
        ...falseRumour(triaged.id, [{ type: 'PUBLISH_CLARIFICATION' as const, assigneeAgencyCode: 'CONG_TTDT', dueDate: inAMonth() }]),
        clientRequestId: `decide-${triaged.id}`,
      };
      const first = await sut.decide(lead, request);
      expect(await sut.decide(lead, request)).toEqual(first);
      expect(await bed.dataSource.query(`SELECT id FROM decision WHERE case_id = $1`, [triaged.id])).toEqual([{ id: first.decisionId }]);
      await expect(sut.decide(lead, { ...request, finding: 'MISLEADING' })).rejects.toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
    });

    it('decides "no action" straight to DECIDED', async () => {
      const triaged = await triagedCase();
      const result = await sut.decide(lead, {
        caseId: triaged.id,
        finding: 'UNVERIFIABLE',
        provisionCodes: [],
        statementOfReasons: 'Không đủ căn cứ xác minh nội dung; tiếp tục theo dõi.',
        actions: [],
      });
      expect(result).toMatchObject({ case: { status: 'DECIDED' }, actions: [] });
    });

    it.each<[string, (caseId: string) => DecideCaseRequest, Record<string, unknown>]>([
      [
        'a provision no longer in force',
        (id) => ({ ...falseRumour(id, [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }]), provisionCodes: ['LANM_2018_D8_1D'] }),
        { code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'provisions' },
      ],
      ['an unknown provision', (id) => ({ ...falseRumour(id, []), provisionCodes: ['NO_SUCH_LAW'] }), { code: 'BAD_USER_INPUT', field: 'provisionCodes' }],
      [
        'no assessment for a restrictive action',
        (id) => ({ ...falseRumour(id, [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }]), assessment: undefined }),
        { code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'assessment' },
      ],
      [
        'a restrictive action on a grievance',
        (id) => ({
          ...falseRumour(id, [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }]),
          finding: 'GRIEVANCE',
          provisionCodes: ['QD3655_D7_2'],
        }),
        { code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'finding' },
      ],
      [
        'a due date in the past',
        (id) => falseRumour(id, [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: '2020-01-01' }]),
        { code: 'BAD_USER_INPUT', field: 'actions.0.dueDate' },
      ],
      [
        'an unknown assignee',
        (id) => falseRumour(id, [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'NO_SUCH_AGENCY', dueDate: inAMonth() }]),
        { code: 'BAD_USER_INPUT', field: 'actions.0.assigneeAgencyCode' },
      ],
      [
        'a removal target on another action',
        (id) => falseRumour(id, [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), removal: { platform: 'FACEBOOK' } }]),
        { code: 'BAD_USER_INPUT', field: 'actions.0.removal' },
      ],
      [
        'a removal basis the decision does not rely on',
        (id) => falseRumour(id, [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), removal: { legalBasis: ['LANM_2025'] } }]),
        { code: 'BAD_USER_INPUT', field: 'actions.0.removal.legalBasis' },
      ],
      [
        'a consultation that is not of this case',
        (id) => ({ ...falseRumour(id, []), consultationId: '00000000-0000-4000-8000-000000000000' }),
        { code: 'BAD_USER_INPUT', field: 'consultationId' },
      ],
    ])('refuses %s and writes nothing', async (_name, request, expected) => {
      const triaged = await triagedCase();
      await expect(sut.decide(lead, request(triaged.id))).rejects.toMatchObject(expected);
      expect(await bed.dataSource.query(`SELECT id FROM decision WHERE case_id = $1`, [triaged.id])).toEqual([]);
      expect((await bed.dataSource.query(`SELECT status FROM handling_case WHERE id = $1`, [triaged.id]))[0].status).toBe('TRIAGED');
    });

    it('refuses to decide an untriaged case (INVALID_STATE)', async () => {
      const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      await expect(sut.decide(lead, falseRumour(opened.id, []))).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });
});
