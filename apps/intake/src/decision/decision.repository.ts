import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FindingCode, HandlingActionDto, HandlingActionInputDto, PlannedActionDto, ProvisionDto } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import type { RemovalRequestState } from './removal-request.rules';

/** A handling action with what its case lets the caller see. */
export interface ActionRow {
  id: string;
  case_id: string;
  type: HandlingActionDto['type'];
  assignee_agency_code: string;
  due_date: string;
  status: HandlingActionDto['status'];
  number: string;
  visible_agencies: string[];
}

export interface RemovalRow {
  request_reference: string | null;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  effected_at: Date | null;
  outcome: RemovalRequestState['outcome'];
  planned_at: Date;
}

export interface NewDecision {
  id: string;
  caseId: string;
  finding: FindingCode;
  provisions: ProvisionDto[];
  assessment: unknown;
  statementOfReasons: string;
  decidedBy: string;
  decidedByAgency: string;
  decidedAt: Date;
  consultationId: string | null;
}

/** Decisions, their handling actions and removal requests; every write runs in the caller's transaction. */
@Injectable()
export class DecisionRepository {
  async insertDecision(manager: EntityManager, d: NewDecision): Promise<void> {
    await manager.query(
      `INSERT INTO decision (id, case_id, finding, provisions, assessment, statement_of_reasons, decided_by, decided_by_agency, decided_at, consultation_id)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10)`,
      [
        d.id,
        d.caseId,
        d.finding,
        JSON.stringify(d.provisions),
        d.assessment ? JSON.stringify(d.assessment) : null,
        d.statementOfReasons,
        d.decidedBy,
        d.decidedByAgency,
        d.decidedAt,
        d.consultationId,
      ],
    );
  }

  async insertAction(
    manager: EntityManager,
    a: {
      id: string;
      caseId: string;
      decisionId: string;
      type: HandlingActionDto['type'];
      assigneeAgencyCode: string;
      dueDate: string;
      details: string | null;
      createdAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO handling_action (id, case_id, decision_id, type, assignee_agency_code, due_date, details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.id, a.caseId, a.decisionId, a.type, a.assigneeAgencyCode, a.dueDate, a.details, a.createdAt],
    );
  }

  /** The canonical link of the case's first report (without the tracking parameters of the link as shared). */
  async firstReportUrl(manager: EntityManager, caseId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ url: string }>(manager, `SELECT canonical_url AS url FROM report WHERE case_id = $1 ORDER BY submitted_at, id LIMIT 1`, [
      caseId,
    ]);
    return row?.url;
  }

  async insertRemovalRequest(
    manager: EntityManager,
    r: { actionId: string; platform: string; url: string; legalBasis: string[]; updatedAt: Date },
  ): Promise<void> {
    await manager.query(`INSERT INTO removal_request (action_id, platform, url, legal_basis, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
      r.actionId,
      r.platform,
      r.url,
      JSON.stringify(r.legalBasis),
      r.updatedAt,
    ]);
  }

  /** Keeps the plan a resolved consultation agreed, for the decision to take up (once per consultation). */
  async recordConsultationPlan(
    manager: EntityManager,
    p: { consultationId: string; caseId: string; summary: string; plan: PlannedActionDto[]; resolvedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_plan (consultation_id, case_id, summary, plan, resolved_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (consultation_id) DO NOTHING`,
      [p.consultationId, p.caseId, p.summary, JSON.stringify(p.plan), p.resolvedAt],
    );
  }

  /** The plan agreed in a resolved consultation of the case, as the consultation service published it. */
  async consultationPlan(manager: EntityManager, consultationId: string, caseId: string): Promise<HandlingActionInputDto[] | null> {
    const [agreed] = await queryRows<{ plan: HandlingActionInputDto[] }>(
      manager,
      `SELECT plan FROM consultation_plan WHERE consultation_id = $1 AND case_id = $2`,
      [consultationId, caseId],
    );
    return agreed ? agreed.plan : null;
  }

  /** The action with its case's number and visibility, locked for a change. */
  async lockAction(manager: EntityManager, actionId: string): Promise<ActionRow | undefined> {
    const [row] = await queryRows<ActionRow>(
      manager,
      `SELECT a.id, a.case_id, a.type, a.assignee_agency_code, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, c.number, c.visible_agencies
         FROM handling_action a JOIN handling_case c ON c.id = a.case_id WHERE a.id = $1 FOR UPDATE OF a`,
      [actionId],
    );
    return row;
  }

  /** Omitted result and links keep the ones stored; `[]` clears the links. */
  async updateAction(
    manager: EntityManager,
    actionId: string,
    status: HandlingActionDto['status'],
    result: string | null,
    links: unknown[] | null | undefined,
  ): Promise<void> {
    await manager.query(
      `UPDATE handling_action SET status = $2, result = coalesce($3, result), links = coalesce($4::jsonb, links), done_at = CASE WHEN $2 = 'DONE' THEN now() ELSE done_at END, updated_at = now() WHERE id = $1`,
      [actionId, status, result, links == null ? null : JSON.stringify(links)],
    );
  }

  async setActionStatus(manager: EntityManager, actionId: string, status: HandlingActionDto['status']): Promise<void> {
    await manager.query(`UPDATE handling_action SET status = $2, updated_at = now() WHERE id = $1`, [actionId, status]);
  }

  /** The platform's answer to the action's removal request, if the action has one (`undefined` otherwise). */
  async removalOutcome(manager: EntityManager, actionId: string): Promise<{ outcome: string | null } | undefined> {
    const [removal] = await queryRows<{ outcome: string | null }>(manager, `SELECT outcome FROM removal_request WHERE action_id = $1`, [actionId]);
    return removal;
  }

  /** The removal request of an action with when the action was planned, locked for a change. */
  async lockRemoval(manager: EntityManager, actionId: string): Promise<RemovalRow | undefined> {
    const [current] = await queryRows<RemovalRow>(
      manager,
      `SELECT r.request_reference, r.sent_at, r.acknowledged_at, r.effected_at, r.outcome, a.created_at AS planned_at
         FROM removal_request r JOIN handling_action a ON a.id = r.action_id WHERE r.action_id = $1 FOR UPDATE OF r`,
      [actionId],
    );
    return current;
  }

  async updateRemoval(manager: EntityManager, actionId: string, next: RemovalRequestState): Promise<void> {
    await manager.query(
      `UPDATE removal_request SET request_reference = $2, sent_at = $3, acknowledged_at = $4, effected_at = $5, outcome = $6, updated_at = now() WHERE action_id = $1`,
      [actionId, next.requestReference, next.sentAt, next.acknowledgedAt, next.effectedAt, next.outcome],
    );
  }
}
