import { Injectable } from '@nestjs/common';
import { ErrorCodes, RpcSubjects, type CaseDto, type ConsultationDto, type EvidenceItemDto, type PoliceReferralDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import type { DossierContent } from './dossier.document';

/**
 * Gathers a case's dossier from intake, consultation and evidence with the reader's own token:
 * each service applies its own policy, so the dossier holds exactly what the reader may see.
 */
@Injectable()
export class DossierReader {
  constructor(private readonly rpc: RpcClient) {}

  async gather(caseId: string): Promise<DossierContent> {
    const kase = await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId, withReports: true });
    const [consultations, evidence, referrals] = await Promise.all([
      this.rpc.request<ConsultationDto[]>(RpcSubjects.consultation.list, { caseId }),
      this.rpc.request<EvidenceItemDto[]>(RpcSubjects.evidence.itemList, { caseId }),
      this.restricted(this.rpc.request<PoliceReferralDto[]>(RpcSubjects.evidence.referralList, { caseId })),
    ]);
    return { kase, consultations, evidence, referrals };
  }

  /** A restricted part the reader may not read is left out (null), not an error. */
  private async restricted<T>(request: Promise<T>): Promise<T | null> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof RpcCallError && error.code === ErrorCodes.FORBIDDEN) return null;
      throw error;
    }
  }
}
