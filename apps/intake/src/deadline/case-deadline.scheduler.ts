import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  escalationTargets,
  EventSubjects,
  type CaseDeadlineEscalatedEvent,
  type CaseDeadlineKind,
  type CaseDeadlineRemindedEvent,
  type CaseStatus,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { CaseRepository, OPEN_STATUSES } from '../case/case.repository';
import { CaseDeadlineRepository } from './case-deadline.repository';

interface DueRow {
  id: string;
  case_id: string;
  kind: CaseDeadlineKind;
  action_id: string | null;
  phase: 'REMINDER' | 'ESCALATION';
  deadline: Date;
}

/** The step each deadline waits for, by the case's status: a deadline whose step is done no longer fires. */
const STILL_OWED: Record<Exclude<CaseDeadlineKind, 'ACTION'>, CaseStatus[]> = {
  TRIAGE: ['OPEN'],
  DECISION: ['TRIAGED', 'IN_CONSULTATION'],
  CONSULTATION: ['IN_CONSULTATION'],
};

/**
 * Fires case deadlines (triage and decision per the SLA policy, handling actions by their due date):
 * a reminder to the agency that owes the step, then an escalation to the lead agency, and for a
 * critical case to the provincial office too, which joins the case as INFORMED. Stored in
 * case_deadline, so they survive restarts and fire once with N replicas.
 */
@Injectable()
export class CaseDeadlineScheduler extends DeadlineScheduler<DueRow> {
  constructor(
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly cases: CaseRepository,
    private readonly deadlines: CaseDeadlineRepository,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
    @Inject(DEADLINE_SCHEDULER_ENABLED) enabled: boolean,
  ) {
    super(dataSource, {
      table: 'case_deadline',
      columns: ['case_id', 'kind', 'action_id', 'phase', 'deadline'],
      settings,
      enabled,
      afterWork: () => relay.kick(),
    });
  }

  protected async fire(manager: EntityManager, due: DueRow): Promise<void> {
    const kase = await this.deadlines.lockCase(manager, due.case_id);
    if (!kase || !kase.lead || !OPEN_STATUSES.includes(kase.status)) return;
    let owedBy: string[];
    if (due.kind === 'ACTION') {
      const action = await this.deadlines.action(manager, due.action_id);
      if (!action || action.status === 'DONE') return;
      owedBy = [action.assignee_agency_code];
    } else {
      if (!STILL_OWED[due.kind].includes(kase.status)) return;
      owedBy = [kase.lead];
    }
    const data: CaseDeadlineRemindedEvent = {
      caseId: kase.id,
      caseNumber: kase.number,
      kind: due.kind,
      actionId: due.action_id,
      deadline: due.deadline.toISOString(),
      owedBy,
    };
    if (due.phase === 'REMINDER') {
      await appendToOutbox<CaseDeadlineRemindedEvent>(manager, [
        { subject: EventSubjects.intake.deadlineReminded, aggregateId: kase.id, visibleTo: kase.visible_agencies, data },
      ]);
      await appendAudit(manager, {
        actor: null,
        action: 'deadline.reminded',
        targetType: 'case',
        targetId: kase.id,
        summary: { kind: due.kind, actionId: due.action_id, deadline: data.deadline, owedBy },
      });
      return;
    }
    const escalatedTo = escalationTargets(kase.lead, kase.severity, this.settings.criticalEscalationAgencyCode);
    const visibleTo = await this.cases.addParticipants(manager, kase, escalatedTo, 'INFORMED', 'Đ3.2 (báo cáo quá hạn xử lý)');
    await appendToOutbox<CaseDeadlineEscalatedEvent>(manager, [
      { subject: EventSubjects.intake.deadlineEscalated, aggregateId: kase.id, visibleTo, data: { ...data, escalatedTo, severity: kase.severity } },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'deadline.escalated',
      targetType: 'case',
      targetId: kase.id,
      summary: { kind: due.kind, actionId: due.action_id, deadline: data.deadline, owedBy, escalatedTo },
    });
  }
}
