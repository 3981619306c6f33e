import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  provinceDay,
  type Actor,
  type HandOverPackageRequest,
  type PoliceReferralChangedEvent,
  type PoliceReferralDto,
  type RequestPoliceReferralRequest,
  type UpdatePoliceReferralRequest,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, queryRows } from '@phoi-hop/persistence';
import { CaseAccess, caseAgencies } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { PackageService } from '../package/package.service';
import { checkReferralUpdate } from './referral.rules';

interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  action_id: string;
  decision_id: string;
  legal_basis: { code: string; citation: string }[];
  requested_at: Date;
  requested_by: string;
  requested_by_agency: string;
  police_agency_code: string;
  police_reference: string | null;
  status: PoliceReferralDto['status'];
  outcome_category: PoliceReferralDto['outcomeCategory'];
  outcome_date: string | null;
  visible_agencies: string[];
  updated_at: Date;
}

interface TransferRow {
  referral_id: string;
  package_id: string;
  sha256: string;
  received_by_agency: string;
  transferred_at: Date;
  transferred_by: string;
}

/**
 * Police referrals (Đ6.2): one per REFER_TO_POLICE action of a decision (intake only records such
 * an action once its restrictive-action gate passed), with the legal basis the decision cited, the
 * police's own reference number, status and outcome category, and the packages handed over as
 * custody transfers. Nothing about who the author of the content is.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly packages: PackageService,
    private readonly relay: OutboxRelay,
  ) {}

  async request(actor: Actor, request: RequestPoliceReferralRequest): Promise<PoliceReferralDto> {
    const kase = await this.cases.visibleCase(request.caseId);
    const action = kase.actions.find((a) => a.id === request.actionId);
    if (!action || action.type !== 'REFER_TO_POLICE') throw EvidenceError.badInput('actionId', 'actionId must name a REFER_TO_POLICE action of the case’s decision');
    const decision = kase.decisions.find((d) => d.id === action.decisionId);
    if (!decision || decision.provisions.length === 0) throw EvidenceError.invalidState('The decision cites no legal basis for the referral', 'actionId');
    const id = randomUUID();
    const now = new Date();
    const result = await this.dataSource.transaction(async (manager) => {
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO police_referral (id, case_id, case_number, action_id, decision_id, legal_basis, requested_at, requested_by, requested_by_agency, police_agency_code, status, visible_agencies, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, 'REQUESTED', $11, $7) ON CONFLICT (action_id) DO NOTHING RETURNING id`,
        [id, kase.id, kase.number, action.id, decision.id, JSON.stringify(decision.provisions), now, actor.userId, actor.agencyCode, action.assigneeAgencyCode, caseAgencies(kase)],
      );
      if (!inserted.length) throw EvidenceError.conflict('This action was already referred to the police', 'actionId');
      await this.publish(manager, { referralId: id, caseId: kase.id, caseNumber: kase.number, status: 'REQUESTED' }, [action.assigneeAgencyCode, actor.agencyCode]);
      await appendAudit(manager, {
        actor,
        action: 'referral.requested',
        targetType: 'police-referral',
        targetId: id,
        summary: { caseId: kase.id, actionId: action.id, legalBasis: decision.provisions.map((p) => p.code), policeAgency: action.assigneeAgencyCode },
      });
      return this.load(manager, id);
    });
    this.relay.kick();
    return result;
  }

  async update(actor: Actor, request: UpdatePoliceReferralRequest): Promise<PoliceReferralDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.visibleRow(actor, manager, request.referralId, true);
      if (actor.agencyCode !== row.police_agency_code) throw EvidenceError.forbidden('The police agency the case was referred to reports on the referral', 'referralId');
      const next = checkReferralUpdate({ status: row.status, policeReference: row.police_reference }, request, provinceDay(new Date()));
      await manager.query(`UPDATE police_referral SET status = $2, police_reference = $3, outcome_category = $4, outcome_date = $5, updated_at = now() WHERE id = $1`, [
        row.id,
        request.status,
        next.policeReference,
        next.outcomeCategory,
        next.outcomeDate,
      ]);
      await this.publish(manager, { referralId: row.id, caseId: row.case_id, caseNumber: row.case_number, status: request.status }, [row.police_agency_code, row.requested_by_agency]);
      await appendAudit(manager, {
        actor,
        action: 'referral.updated',
        targetType: 'police-referral',
        targetId: row.id,
        summary: { caseId: row.case_id, before: { status: row.status }, after: { status: request.status, policeReference: next.policeReference, outcomeCategory: next.outcomeCategory, outcomeDate: next.outcomeDate } },
      });
      return this.load(manager, row.id);
    });
    this.relay.kick();
    return result;
  }

  /** A package of the case's evidence handed to the police: a transfer in the custody log. */
  async handOver(actor: Actor, request: HandOverPackageRequest): Promise<PoliceReferralDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.visibleRow(actor, manager, request.referralId, true);
      if (row.status === 'DECLINED') throw EvidenceError.invalidState('A declined referral takes no evidence', 'referralId');
      const pkg = await this.packages.find(manager, request.packageId);
      if (!pkg || pkg.case_id !== row.case_id) throw EvidenceError.notFound('packageId', 'Evidence package');
      if (request.receivedByAgency !== row.police_agency_code) throw EvidenceError.badInput('receivedByAgency', `The package goes to ${row.police_agency_code}, the police agency of the referral`);
      const inserted = await queryRows<{ package_id: string }>(
        manager,
        `INSERT INTO referral_transfer (referral_id, package_id, received_by_agency, transferred_at, transferred_by) VALUES ($1, $2, $3, now(), $4) ON CONFLICT DO NOTHING RETURNING package_id`,
        [row.id, pkg.id, request.receivedByAgency, actor.userId],
      );
      if (!inserted.length) throw EvidenceError.conflict('This package was already handed over for this referral', 'packageId');
      await appendAudit(manager, {
        actor,
        action: 'evidence.transferred',
        targetType: 'evidence-package',
        targetId: pkg.id,
        summary: { caseId: row.case_id, referralId: row.id, sha256: pkg.sha256, from: actor.agencyCode, to: request.receivedByAgency },
      });
      return this.load(manager, row.id);
    });
  }

  async list(actor: Actor, caseId: string): Promise<PoliceReferralDto[]> {
    const rows = await queryRows<{ id: string; visible_agencies: string[] }>(this.dataSource.manager, `SELECT id, visible_agencies FROM police_referral WHERE case_id = $1 ORDER BY requested_at, id`, [caseId]);
    return Promise.all(rows.filter((r) => maySeeCase(actor, r.visible_agencies)).map((r) => this.load(this.dataSource.manager, r.id)));
  }

  /**
   * A referral on a case the caller may see, by the case's agencies as they were when it was
   * requested (asking intake again would record another restricted read of the case's referral).
   */
  private async visibleRow(actor: Actor, manager: EntityManager, id: string, forUpdate: boolean): Promise<ReferralRow> {
    const [row] = await queryRows<ReferralRow>(manager, `SELECT *, to_char(outcome_date, 'YYYY-MM-DD') AS outcome_date FROM police_referral WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row || !maySeeCase(actor, row.visible_agencies)) throw EvidenceError.notFound('referralId', 'Police referral');
    return row;
  }

  private async load(manager: EntityManager, id: string): Promise<PoliceReferralDto> {
    const [row] = await queryRows<ReferralRow>(manager, `SELECT *, to_char(outcome_date, 'YYYY-MM-DD') AS outcome_date FROM police_referral WHERE id = $1`, [id]);
    const transfers = await queryRows<TransferRow>(
      manager,
      `SELECT t.*, p.sha256 FROM referral_transfer t JOIN evidence_package p ON p.id = t.package_id WHERE t.referral_id = $1 ORDER BY t.transferred_at, t.package_id`,
      [id],
    );
    const r = row!;
    return {
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      actionId: r.action_id,
      decisionId: r.decision_id,
      legalBasis: r.legal_basis,
      requestedAt: r.requested_at.toISOString(),
      requestedBy: r.requested_by,
      requestedByAgency: r.requested_by_agency,
      policeAgencyCode: r.police_agency_code,
      policeReference: r.police_reference,
      status: r.status,
      outcomeCategory: r.outcome_category,
      outcomeDate: r.outcome_date,
      handedOver: transfers.map((t) => ({ packageId: t.package_id, packageSha256: t.sha256, receivedByAgency: t.received_by_agency, at: t.transferred_at.toISOString(), by: t.transferred_by })),
      updatedAt: r.updated_at.toISOString(),
    };
  }

  private async publish(manager: EntityManager, data: PoliceReferralChangedEvent, visibleTo: string[]): Promise<void> {
    // Restricted data: only the requesting agency and the police are told, not every participant.
    await appendToOutbox<PoliceReferralChangedEvent>(manager, [{ subject: EventSubjects.evidence.referralChanged, aggregateId: data.caseId, visibleTo: [...new Set(visibleTo)], data }]);
  }
}
