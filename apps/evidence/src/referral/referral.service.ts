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
import { appendAudit } from '@phoi-hop/persistence';
import { CaseAccess, caseAgencies } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { PackageService } from '../package/package.service';
import { toReferralDto } from './referral.mapper';
import { ReferralRepository, type ReferralRow } from './referral.repository';
import { checkReferralUpdate } from './referral.rules';

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
    private readonly referrals: ReferralRepository,
    private readonly cases: CaseAccess,
    private readonly packages: PackageService,
    private readonly relay: OutboxRelay,
  ) {}

  async request(actor: Actor, request: RequestPoliceReferralRequest): Promise<PoliceReferralDto> {
    const kase = await this.cases.visibleCase(request.caseId);
    const action = kase.actions.find((a) => a.id === request.actionId);
    if (!action || action.type !== 'REFER_TO_POLICE')
      throw EvidenceError.badInput('actionId', 'actionId must name a REFER_TO_POLICE action of the case’s decision');
    const decision = kase.decisions.find((d) => d.id === action.decisionId);
    if (!decision || decision.provisions.length === 0) throw EvidenceError.invalidState('The decision cites no legal basis for the referral', 'actionId');
    const id = randomUUID();
    const now = new Date();
    const result = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.referrals.insert(manager, {
        id,
        caseId: kase.id,
        caseNumber: kase.number,
        actionId: action.id,
        decisionId: decision.id,
        legalBasis: decision.provisions,
        requestedAt: now,
        requestedBy: actor.userId,
        requestedByAgency: actor.agencyCode,
        policeAgencyCode: action.assigneeAgencyCode,
        visibleAgencies: caseAgencies(kase),
      });
      if (!inserted) throw EvidenceError.conflict('This action was already referred to the police', 'actionId');
      await this.publish(manager, { referralId: id, caseId: kase.id, caseNumber: kase.number, status: 'REQUESTED' }, [
        action.assigneeAgencyCode,
        actor.agencyCode,
      ]);
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
      if (actor.agencyCode !== row.police_agency_code)
        throw EvidenceError.forbidden('The police agency the case was referred to reports on the referral', 'referralId');
      const next = checkReferralUpdate({ status: row.status, policeReference: row.police_reference }, request, provinceDay(new Date()));
      await this.referrals.update(manager, row.id, {
        status: request.status,
        policeReference: next.policeReference,
        outcomeCategory: next.outcomeCategory,
        outcomeDate: next.outcomeDate,
      });
      await this.publish(manager, { referralId: row.id, caseId: row.case_id, caseNumber: row.case_number, status: request.status }, [
        row.police_agency_code,
        row.requested_by_agency,
      ]);
      await appendAudit(manager, {
        actor,
        action: 'referral.updated',
        targetType: 'police-referral',
        targetId: row.id,
        summary: {
          caseId: row.case_id,
          before: { status: row.status },
          after: { status: request.status, policeReference: next.policeReference, outcomeCategory: next.outcomeCategory, outcomeDate: next.outcomeDate },
        },
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
      if (request.receivedByAgency !== row.police_agency_code)
        throw EvidenceError.badInput('receivedByAgency', `The package goes to ${row.police_agency_code}, the police agency of the referral`);
      const inserted = await this.referrals.insertTransfer(manager, {
        referralId: row.id,
        packageId: pkg.id,
        receivedByAgency: request.receivedByAgency,
        transferredBy: actor.userId,
      });
      if (!inserted) throw EvidenceError.conflict('This package was already handed over for this referral', 'packageId');
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
    const rows = await this.referrals.listForCase(this.dataSource.manager, caseId);
    return Promise.all(rows.filter((r) => maySeeCase(actor, r.visible_agencies)).map((r) => this.load(this.dataSource.manager, r.id)));
  }

  /**
   * A referral on a case the caller may see, by the case's agencies as they were when it was
   * requested (asking intake again would record another restricted read of the case's referral).
   */
  private async visibleRow(actor: Actor, manager: EntityManager, id: string, forUpdate: boolean): Promise<ReferralRow> {
    const row = await this.referrals.find(manager, id, forUpdate);
    if (!row || !maySeeCase(actor, row.visible_agencies)) throw EvidenceError.notFound('referralId', 'Police referral');
    return row;
  }

  private async load(manager: EntityManager, id: string): Promise<PoliceReferralDto> {
    const row = await this.referrals.find(manager, id);
    const transfers = await this.referrals.transfers(manager, id);
    return toReferralDto(row!, transfers);
  }

  private async publish(manager: EntityManager, data: PoliceReferralChangedEvent, visibleTo: string[]): Promise<void> {
    // Restricted data: only the requesting agency and the police are told, not every participant.
    await appendToOutbox<PoliceReferralChangedEvent>(manager, [
      { subject: EventSubjects.evidence.referralChanged, aggregateId: data.caseId, visibleTo: [...new Set(visibleTo)], data },
    ]);
  }
}
