import type { PoliceReferralDto } from '@phoi-hop/contracts';
import type { ReferralRow, TransferRow } from './referral.repository';

/** A referral and the packages handed over under it, as the API gives them. */
export function toReferralDto(r: ReferralRow, transfers: TransferRow[]): PoliceReferralDto {
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
    handedOver: transfers.map((t) => ({
      packageId: t.package_id,
      packageSha256: t.sha256,
      receivedByAgency: t.received_by_agency,
      at: t.transferred_at.toISOString(),
      by: t.transferred_by,
    })),
    updatedAt: r.updated_at.toISOString(),
  };
}
