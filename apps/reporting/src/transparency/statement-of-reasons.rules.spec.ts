import type { CaseDto, DecisionDto } from '@phoi-hop/contracts';
import { dsaCategory, toStatementOfReasons } from './statement-of-reasons.rules';

const decision: DecisionDto = {
  id: 'd1',
  finding: 'FALSE',
  provisions: [{ code: 'ND15_D101', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101' }],
  assessment: {
    isFactualClaim: true,
    verifiedFalseBy: 'SYT',
    isPublicInterestReporting: false,
    isGenuineGrievance: false,
    proportionality: 'Gỡ bài đăng là biện pháp nhẹ nhất.',
    concludesNotProtected: true,
  },
  statementOfReasons: 'Bài đăng khẳng định sai về dịch bệnh, Sở Y tế đã xác minh.',
  decidedBy: 'u1',
  decidedByAgency: 'STTTT',
  decidedAt: '2026-03-02T03:00:00.000Z',
  consultationId: null,
};
const action = (id: string, type: string, decisionId = 'd1', removal: unknown = null) =>
  ({ id, decisionId, type, removal }) as unknown as CaseDto['actions'][number];
const kase = (actions: CaseDto['actions']) =>
  ({ id: 'c1', categoryCode: 'FALSE_INFO_PANIC', openedAt: '2026-03-01T01:00:00.000Z', actions, decisions: [decision] }) as unknown as CaseDto;

describe(toStatementOfReasons.name, () => {
  it('maps a removal and a clarification to the DSA database fields', () => {
    const statement = toStatementOfReasons(
      kase([action('a1', 'REQUEST_REMOVAL', 'd1', { platform: 'FACEBOOK' }), action('a2', 'PUBLISH_CLARIFICATION'), action('a3', 'REFER_TO_POLICE', 'other')]),
      decision,
    );
    expect(statement).toMatchObject({
      puid: 'd1',
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_visibility_other: null,
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Nghị định 15/2020/NĐ-CP, Điều 101',
      illegal_content_explanation: decision.statementOfReasons,
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      territorial_scope: ['VN'],
      category: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
      application_date: '2026-03-01T01:00:00.000Z',
      decision_date: '2026-03-02T03:00:00.000Z',
      platform_name: 'FACEBOOK',
    });
    expect(statement.decision_facts).toContain('Finding: False.');
  });

  it('names other measures, and a decision without any', () => {
    expect(toStatementOfReasons(kase([action('a1', 'REFER_TO_POLICE')]), decision)).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_OTHER'],
      decision_visibility_other: 'Refer to the police',
    });
    expect(toStatementOfReasons(kase([]), decision)).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_OTHER'],
      decision_visibility_other: 'No restriction',
      platform_name: null,
    });
  });
});

describe(dsaCategory.name, () => {
  it.each([
    ['IMPERSONATION_SCAM', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD'],
    ['PRIVACY_LEAK', 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS'],
    ['DEFAMATION', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'],
  ])('%s → %s', (code, category) => {
    expect(dsaCategory(code)).toBe(category);
  });
});
