import type { DecisionDto, HandlingActionDetailDto } from '@phoi-hop/contracts';
import type { DecisionRow, HandlingActionRow } from './handling.repository';

export interface CaseHandling {
  decisions: DecisionDto[];
  /** Unredacted: the mapper withholds restricted details from whoever may not read them. */
  actions: HandlingActionDetailDto[];
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The decisions and actions by case (every case of `caseIds`, with or without), in the rows' order. */
export function toCaseHandling(caseIds: string[], decisions: DecisionRow[], actions: HandlingActionRow[]): Map<string, CaseHandling> {
  const byCase = new Map<string, CaseHandling>(caseIds.map((id) => [id, { decisions: [], actions: [] }]));
  for (const d of decisions) {
    byCase.get(d.case_id)!.decisions.push({
      id: d.id,
      finding: d.finding,
      provisions: d.provisions.map((p) => ({ code: p.code, citation: p.citation })),
      assessment: d.assessment ? { ...d.assessment, verifiedFalseBy: d.assessment.verifiedFalseBy ?? null } : null,
      statementOfReasons: d.statement_of_reasons,
      decidedBy: d.decided_by,
      decidedByAgency: d.decided_by_agency,
      decidedAt: d.decided_at.toISOString(),
      consultationId: d.consultation_id,
    });
  }
  for (const a of actions) {
    byCase.get(a.case_id)!.actions.push({
      id: a.id,
      decisionId: a.decision_id,
      type: a.type,
      assigneeAgencyCode: a.assignee_agency_code,
      dueDate: a.due_date,
      status: a.status,
      details: a.details,
      result: a.result,
      links: a.links ?? [],
      doneAt: iso(a.done_at),
      withheld: false,
      removal:
        a.platform && a.url
          ? {
              platform: a.platform,
              url: a.url,
              legalBasis: a.legal_basis ?? [],
              requestReference: a.request_reference,
              sentAt: iso(a.sent_at),
              acknowledgedAt: iso(a.acknowledged_at),
              effectedAt: iso(a.effected_at),
              outcome: a.outcome,
            }
          : null,
    });
  }
  return byCase;
}
