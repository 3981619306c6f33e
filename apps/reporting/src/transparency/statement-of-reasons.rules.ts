import {
  FINDING_LABELS,
  HANDLING_ACTION_TYPE_LABELS,
  type CaseDto,
  type DecisionDto,
  type DsaDecisionVisibility,
  type StatementOfReasonsDto,
} from '@phoi-hop/contracts';

/** The DSA database's statement categories the platform's categories come under (by the code's words). */
const CATEGORY_RULES: ReadonlyArray<[RegExp, string]> = [
  [/SCAM|FRAUD|IMPERSONATION/, 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD'],
  [/PRIVACY|PERSONAL_DATA/, 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS'],
  [/FALSE_INFO|MISINFO/, 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS'],
  [/SECURITY|TERROR|VIOLEN/, 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY'],
];

export function dsaCategory(categoryCode: string): string {
  return CATEGORY_RULES.find(([pattern]) => pattern.test(categoryCode))?.[1] ?? 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH';
}

/**
 * One decision of a case as a statement of reasons in the EU DSA transparency database's shape.
 * Decisions here are taken by people on a legal provision (Đ3.2): never automated, always the
 * illegal-content ground; the territorial scope is Vietnam.
 */
export function toStatementOfReasons(kase: CaseDto, decision: DecisionDto): StatementOfReasonsDto {
  const actions = kase.actions.filter((a) => a.decisionId === decision.id);
  const visibility = new Set<DsaDecisionVisibility>();
  const other: string[] = [];
  for (const action of actions) {
    if (action.type === 'REQUEST_REMOVAL') visibility.add('DECISION_VISIBILITY_CONTENT_REMOVED');
    else if (action.type === 'PUBLISH_CLARIFICATION') visibility.add('DECISION_VISIBILITY_CONTENT_LABELLED');
    else {
      visibility.add('DECISION_VISIBILITY_OTHER');
      other.push(HANDLING_ACTION_TYPE_LABELS[action.type].en);
    }
  }
  if (!visibility.size) {
    visibility.add('DECISION_VISIBILITY_OTHER');
    other.push('No restriction');
  }
  const assessment = decision.assessment;
  const facts = [
    `Finding: ${FINDING_LABELS[decision.finding].en}.`,
    ...(assessment
      ? [
          `Factual claim: ${assessment.isFactualClaim ? 'yes' : 'no'}; public-interest reporting: ${assessment.isPublicInterestReporting ? 'yes' : 'no'}; genuine grievance: ${assessment.isGenuineGrievance ? 'yes' : 'no'}.`,
          `Proportionality: ${assessment.proportionality}`,
        ]
      : []),
  ].join(' ');
  return {
    puid: decision.id,
    decision_visibility: [...visibility].sort(),
    decision_visibility_other: other.length ? [...new Set(other)].join('; ') : null,
    decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    decision_ground_reference_url: null,
    illegal_content_legal_ground: decision.provisions.map((p) => p.citation).join('; '),
    illegal_content_explanation: decision.statementOfReasons,
    decision_facts: facts,
    source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: ['VN'],
    content_type: ['CONTENT_TYPE_TEXT'],
    category: dsaCategory(kase.categoryCode),
    application_date: kase.openedAt,
    decision_date: decision.decidedAt,
    platform_name: actions.find((a) => a.removal)?.removal?.platform ?? null,
  };
}
