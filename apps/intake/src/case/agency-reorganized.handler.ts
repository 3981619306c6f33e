import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubjects, type AgenciesReorganizedEvent, type CaseReassignedEvent, type EventEnvelope } from '@phoi-hop/contracts';
import { appendToOutbox, type DomainEventHandler } from '@phoi-hop/messaging';
import { appendAudit, queryRows } from '@phoi-hop/persistence';
import { OPEN_STATUSES } from './case.repository';

/**
 * When the directory retires agencies into a successor, their open cases move to the successor:
 * the old participation ends (kept as history), the successor takes its role and basis, and
 * everyone on the case is told. Closed cases keep who was responsible at the time.
 */
@Injectable()
export class AgencyReorganizedHandler implements DomainEventHandler {
  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (envelope.type !== EventSubjects.directory.agenciesReorganized) return;
    const { retired, successorCode } = envelope.data as AgenciesReorganizedEvent;
    const moved = await queryRows<{ case_id: string; agency_code: string; number: string }>(
      manager,
      `UPDATE case_participant p SET ended_at = now(), replaced_by = $2
         FROM handling_case c
        WHERE c.id = p.case_id AND p.agency_code = ANY($1::text[]) AND p.ended_at IS NULL AND c.status = ANY($3::text[])
        RETURNING p.case_id, p.agency_code, c.number`,
      [retired, successorCode, OPEN_STATUSES],
    );
    for (const row of moved) {
      // The successor takes the old role and basis; if it was already on the case, the stronger role stays.
      await manager.query(
        `INSERT INTO case_participant (case_id, agency_code, role, basis, assigned_at)
         SELECT case_id, $3::text, role, basis || ' (kế nhiệm ' || agency_code || ')', now() FROM case_participant WHERE case_id = $1 AND agency_code = $2
         ON CONFLICT (case_id, agency_code) DO UPDATE
           SET role = CASE WHEN array_position(ARRAY['LEAD','PARTICIPANT','INFORMED'], EXCLUDED.role) < array_position(ARRAY['LEAD','PARTICIPANT','INFORMED'], case_participant.role)
                           THEN EXCLUDED.role ELSE case_participant.role END,
               ended_at = NULL, replaced_by = NULL`,
        [row.case_id, row.agency_code, successorCode],
      );
      const [visible] = await queryRows<{ visible_agencies: string[] }>(
        manager,
        `UPDATE handling_case SET visible_agencies = CASE WHEN $2 = ANY(visible_agencies) THEN visible_agencies ELSE array_append(visible_agencies, $2) END,
                updated_at = now() WHERE id = $1 RETURNING visible_agencies`,
        [row.case_id, successorCode],
      );
      await appendToOutbox<CaseReassignedEvent>(manager, [
        {
          subject: EventSubjects.intake.caseReassigned,
          aggregateId: row.case_id,
          visibleTo: visible!.visible_agencies,
          data: { caseId: row.case_id, caseNumber: row.number, retired: row.agency_code, successor: successorCode },
        },
      ]);
      await appendAudit(manager, {
        actor: envelope.actor ?? null,
        action: 'case.reassigned',
        targetType: 'case',
        targetId: row.case_id,
        summary: { from: row.agency_code, to: successorCode, reorganizationEvent: envelope.id },
      });
    }
  }
}
