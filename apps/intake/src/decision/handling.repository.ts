import type { EntityManager } from 'typeorm';
import type { AssessmentDto, FindingCode, HandlingActionDto, RemovalOutcome } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { toCaseHandling, type CaseHandling } from './handling.mapper';

export interface DecisionRow {
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

export interface HandlingActionRow {
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

/** The decisions and handling actions (with their removal requests) of the cases, oldest first. */
export async function loadHandling(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseHandling>> {
  if (caseIds.length === 0) return new Map();
  const loadDecisions = () =>
    queryRows<DecisionRow>(
      manager,
      `SELECT id, case_id, finding, provisions, assessment, statement_of_reasons, decided_by, decided_by_agency, decided_at, consultation_id
         FROM decision WHERE case_id = ANY($1::uuid[]) ORDER BY decided_at, id`,
      [caseIds],
    );
  const loadActions = () =>
    queryRows<HandlingActionRow>(
      manager,
      `SELECT a.id, a.case_id, a.decision_id, a.type, a.assignee_agency_code, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.details, a.result, a.links, a.done_at,
              r.platform, r.url, r.legal_basis, r.request_reference, r.sent_at, r.acknowledged_at, r.effected_at, r.outcome
         FROM handling_action a LEFT JOIN removal_request r ON r.action_id = a.id
        WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [caseIds],
    );
  // One after another inside a transaction (they share its one connection); side by side outside one.
  const [decisions, actions] =
    manager.queryRunner === undefined ? await Promise.all([loadDecisions(), loadActions()]) : [await loadDecisions(), await loadActions()];
  return toCaseHandling(caseIds, decisions, actions);
}
