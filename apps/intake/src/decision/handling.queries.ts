import type { EntityManager } from 'typeorm';
import type { AssessmentDto, DecisionDto, FindingCode, HandlingActionDetailDto, HandlingActionDto, RemovalOutcome } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface CaseHandling {
  decisions: DecisionDto[];
  /** Unredacted: the mapper withholds restricted details from whoever may not read them. */
  actions: HandlingActionDetailDto[];
}

interface DecisionRow {
  id: string;
  case_id: string;
  finding: FindingCode;
  provisions: { code: string; citation: string }[];
  assessment: (Omit<AssessmentDto, 'verifiedFalseBy'> & { verifiedFalseBy?: string | null }) | null;
  statement_of_reasons: string;
  decided_by: string;
  decided_by_agency: string;
  decided_at: Date;
  consultation_id: string | null;
}

interface ActionRow {
  id: string;
  case_id: string;
  decision_id: string;
  type: HandlingActionDto['type'];
  assignee_agency_code: string;
  due_date: string;
  status: HandlingActionDto['status'];
  details: string | null;
  result: string | null;
  links: string[];
  done_at: Date | null;
  platform: string | null;
  url: string | null;
  legal_basis: string[] | null;
  request_reference: string | null;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  effected_at: Date | null;
  outcome: RemovalOutcome | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The decisions and handling actions (with their removal requests) of the cases, oldest first. */
export async function loadHandling(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseHandling>> {
  const byCase = new Map<string, CaseHandling>(caseIds.map((id) => [id, { decisions: [], actions: [] }]));
  if (caseIds.length === 0) return byCase;
  // One after another: inside a transaction they share one connection.
  const decisions = await queryRows<DecisionRow>(
    manager,
    `SELECT id, case_id, finding, provisions, assessment, statement_of_reasons, decided_by, decided_by_agency, decided_at, consultation_id
       FROM decision WHERE case_id = ANY($1::uuid[]) ORDER BY decided_at, id`,
    [caseIds],
  );
  const actions = await queryRows<ActionRow>(
    manager,
    `SELECT a.id, a.case_id, a.decision_id, a.type, a.assignee_agency_code, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.details, a.result, a.links, a.done_at,
            r.platform, r.url, r.legal_basis, r.request_reference, r.sent_at, r.acknowledged_at, r.effected_at, r.outcome
       FROM handling_action a LEFT JOIN removal_request r ON r.action_id = a.id
      WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
    [caseIds],
  );
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
