import { assertActionGrounded, assertProvisionsApplicable, RESTRICTIVE_ACTIONS, type DecisionGrounds, type HandlingActionType, type TaxonomyProvision } from './decision.rules';

const grounded: DecisionGrounds = {
  finding: 'FALSE',
  provisions: [{ code: 'ND15_2020_D101', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101', effectiveFrom: '2020-04-15', effectiveTo: null }],
  assessment: {
    isFactualClaim: true,
    verifiedFalseBy: 'UBND_LE_THUY',
    isPublicInterestReporting: false,
    isGenuineGrievance: false,
    proportionality: 'Tin gây hoang mang, hàng nghìn lượt chia sẻ trong mùa lũ; yêu cầu gỡ bài là biện pháp nhẹ nhất đủ hiệu quả',
    concludesNotProtected: true,
  },
  statementOfReasons: 'Tin vỡ đập là sai sự thật theo xác minh của Ban Chỉ huy PCTT; gây hoang mang trong mùa lũ.',
  decidedOn: '2026-11-28',
};
const ALL: HandlingActionType[] = ['PUBLISH_CLARIFICATION', 'REQUEST_REMOVAL', 'PROPOSE_SANCTION', 'REFER_TO_POLICE', 'REFER_TO_PRESS_ASSOCIATION', 'RESOLVE_GRIEVANCE', 'MONITOR', 'NO_ACTION'];
const restrictive = ALL.filter((a) => RESTRICTIVE_ACTIONS.has(a));

describe('restrictive actions need grounds (Đ3.2)', () => {
  it('allows every action on a verified falsity with a provision in force and an assessment', () => {
    for (const action of ALL) expect(() => assertActionGrounded(action, grounded)).not.toThrow();
  });

  it.each(['TRUE', 'OPINION', 'GRIEVANCE', 'UNVERIFIABLE'] as const)('refuses every restrictive action on a finding of %s', (finding) => {
    for (const action of restrictive) {
      expect(() => assertActionGrounded(action, { ...grounded, finding })).toThrow(expect.objectContaining({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field: 'finding' }));
    }
    // A clarification or resolving the grievance stays possible.
    expect(() => assertActionGrounded('RESOLVE_GRIEVANCE', { ...grounded, finding })).not.toThrow();
    expect(() => assertActionGrounded('PUBLISH_CLARIFICATION', { ...grounded, finding })).not.toThrow();
  });

  const broken: Array<[string, Partial<DecisionGrounds> | ((g: DecisionGrounds) => DecisionGrounds), string]> = [
    ['no provision', { provisions: [] }, 'provisions'],
    ['only a provision no longer in force', { provisions: [{ code: 'ND72', citation: 'Nghị định 72/2013', effectiveFrom: '2013-09-01', effectiveTo: '2024-12-24' }] }, 'provisions'],
    ['no assessment', { assessment: null }, 'assessment'],
    ['an assessment that does not conclude', (g) => ({ ...g, assessment: { ...g.assessment!, concludesNotProtected: false } }), 'assessment.concludesNotProtected'],
    ['an opinion', (g) => ({ ...g, assessment: { ...g.assessment!, isFactualClaim: false } }), 'assessment.isFactualClaim'],
    ['public-interest reporting', (g) => ({ ...g, assessment: { ...g.assessment!, isPublicInterestReporting: true } }), 'assessment.isPublicInterestReporting'],
    ['a real grievance', (g) => ({ ...g, assessment: { ...g.assessment!, isGenuineGrievance: true } }), 'assessment.isGenuineGrievance'],
    ['a falsity nobody verified', (g) => ({ ...g, assessment: { ...g.assessment!, verifiedFalseBy: ' ' } }), 'assessment.verifiedFalseBy'],
    ['no proportionality', (g) => ({ ...g, assessment: { ...g.assessment!, proportionality: '' } }), 'assessment.proportionality'],
  ];

  it.each(broken)('refuses every restrictive action with %s', (_label, change, field) => {
    const grounds = typeof change === 'function' ? change(grounded) : { ...grounded, ...change };
    for (const action of restrictive) {
      expect(() => assertActionGrounded(action, grounds)).toThrow(expect.objectContaining({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED', field }));
    }
    expect(() => assertActionGrounded('MONITOR', grounds)).not.toThrow();
  });

  it('lets an UNLAWFUL finding stand without a falsity verifier', () => {
    const unlawful = { ...grounded, finding: 'UNLAWFUL' as const, assessment: { ...grounded.assessment!, verifiedFalseBy: null } };
    expect(() => assertActionGrounded('REFER_TO_POLICE', unlawful)).not.toThrow();
  });

  it('needs a statement of reasons for any decision', () => {
    expect(() => assertActionGrounded('NO_ACTION', { ...grounded, statementOfReasons: 'ngắn' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'statementOfReasons' }));
  });
});

describe('a decision cites the law of its own case', () => {
  // As the seed holds them: the Penal Code's fraud article grounds only impersonation and scams.
  const taxonomy: TaxonomyProvision[] = [
    { code: 'ND15_2020_D101', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101', effectiveFrom: '2020-04-15', effectiveTo: null, successorCode: null, categoryCodes: ['FALSE_INFO_PANIC', 'DEFAMATION', 'PRIVACY_LEAK'] },
    { code: 'BLHS_D174', citation: 'Bộ luật Hình sự, Điều 174', effectiveFrom: '2018-01-01', effectiveTo: null, successorCode: null, categoryCodes: ['IMPERSONATION_SCAM'] },
    { code: 'LANM_2018_D8_1D', citation: 'Luật An ninh mạng 2018, Điều 8.1(d)', effectiveFrom: '2019-01-01', effectiveTo: '2026-06-30', successorCode: 'LANM_2025', categoryCodes: ['FALSE_INFO_PANIC'] },
    { code: 'LANM_2025', citation: 'Luật An ninh mạng 2025', effectiveFrom: '2026-07-01', effectiveTo: null, successorCode: null, categoryCodes: ['FALSE_INFO_PANIC'] },
  ];
  const refusal = (codes: string[], category: string, day: string) => {
    try {
      assertProvisionsApplicable(codes, taxonomy, category, day);
      return null;
    } catch (error) {
      return error;
    }
  };

  it('accepts provisions of the case category in force on the day', () => {
    expect(refusal(['ND15_2020_D101', 'LANM_2025'], 'FALSE_INFO_PANIC', '2026-11-28')).toBeNull();
    expect(refusal(['LANM_2018_D8_1D'], 'FALSE_INFO_PANIC', '2026-06-30')).toBeNull();
    expect(refusal([], 'OTHER', '2026-11-28')).toBeNull();
  });

  it("refuses another category's provision, naming its place in the input", () => {
    expect(refusal(['ND15_2020_D101', 'BLHS_D174'], 'FALSE_INFO_PANIC', '2026-11-28')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes.1', message: expect.stringContaining('FALSE_INFO_PANIC') });
  });

  it('refuses a provision no longer or not yet in force, naming its successor', () => {
    expect(refusal(['LANM_2018_D8_1D'], 'FALSE_INFO_PANIC', '2026-07-01')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes.0', message: expect.stringContaining('LANM_2025') });
    expect(refusal(['LANM_2025'], 'FALSE_INFO_PANIC', '2026-06-30')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provisionCodes.0' });
  });
});
