import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PoliceReferralDto } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface ReferralRow {
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

export interface TransferRow {
  referral_id: string;
  package_id: string;
  sha256: string;
  received_by_agency: string;
  transferred_at: Date;
  transferred_by: string;
}

/** A new referral, REQUESTED, of one action of a decision. */
export interface NewReferral {
  id: string;
  caseId: string;
  caseNumber: string;
  actionId: string;
  decisionId: string;
  legalBasis: { code: string; citation: string }[];
  requestedAt: Date;
  requestedBy: string;
  requestedByAgency: string;
  policeAgencyCode: string;
  visibleAgencies: string[];
}

/** The police's report on a referral. */
export interface ReferralChange {
  status: PoliceReferralDto['status'];
  policeReference: string | null;
  outcomeCategory: PoliceReferralDto['outcomeCategory'];
  outcomeDate: string | null;
}

/** A package handed over to the police for a referral. */
export interface NewTransfer {
  referralId: string;
  packageId: string;
  receivedByAgency: string;
  transferredBy: string;
}

/** Police referrals and the custody transfers of packages made under them. */
@Injectable()
export class ReferralRepository {
  /** Inserts the referral; false if the action was already referred. */
  async insert(manager: EntityManager, referral: NewReferral): Promise<boolean> {
    const inserted = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO police_referral (id, case_id, case_number, action_id, decision_id, legal_basis, requested_at, requested_by, requested_by_agency, police_agency_code, status, visible_agencies, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, 'REQUESTED', $11, $7) ON CONFLICT (action_id) DO NOTHING RETURNING id`,
      [
        referral.id,
        referral.caseId,
        referral.caseNumber,
        referral.actionId,
        referral.decisionId,
        JSON.stringify(referral.legalBasis),
        referral.requestedAt,
        referral.requestedBy,
        referral.requestedByAgency,
        referral.policeAgencyCode,
        referral.visibleAgencies,
      ],
    );
    return inserted.length > 0;
  }

  async find(manager: EntityManager, id: string, forUpdate = false): Promise<ReferralRow | null> {
    const [row] = await queryRows<ReferralRow>(
      manager,
      `SELECT *, to_char(outcome_date, 'YYYY-MM-DD') AS outcome_date FROM police_referral WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async update(manager: EntityManager, id: string, change: ReferralChange): Promise<void> {
    await manager.query(
      `UPDATE police_referral SET status = $2, police_reference = $3, outcome_category = $4, outcome_date = $5, updated_at = now() WHERE id = $1`,
      [id, change.status, change.policeReference, change.outcomeCategory, change.outcomeDate],
    );
  }

  /** The case's referrals, oldest first, with the agencies that may see each. */
  async listForCase(manager: EntityManager, caseId: string): Promise<{ id: string; visible_agencies: string[] }[]> {
    return queryRows<{ id: string; visible_agencies: string[] }>(
      manager,
      `SELECT id, visible_agencies FROM police_referral WHERE case_id = $1 ORDER BY requested_at, id`,
      [caseId],
    );
  }

  /** Records the transfer; false if this package was already handed over for this referral. */
  async insertTransfer(manager: EntityManager, transfer: NewTransfer): Promise<boolean> {
    const inserted = await queryRows<{ package_id: string }>(
      manager,
      `INSERT INTO referral_transfer (referral_id, package_id, received_by_agency, transferred_at, transferred_by) VALUES ($1, $2, $3, now(), $4) ON CONFLICT DO NOTHING RETURNING package_id`,
      [transfer.referralId, transfer.packageId, transfer.receivedByAgency, transfer.transferredBy],
    );
    return inserted.length > 0;
  }

  async transfers(manager: EntityManager, referralId: string): Promise<TransferRow[]> {
    return queryRows<TransferRow>(
      manager,
      `SELECT t.*, p.sha256 FROM referral_transfer t JOIN evidence_package p ON p.id = t.package_id WHERE t.referral_id = $1 ORDER BY t.transferred_at, t.package_id`,
      [referralId],
    );
  }
}
