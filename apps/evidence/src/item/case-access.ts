import { Injectable } from '@nestjs/common';
import { ErrorCodes, RpcSubjects, type CaseDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { EvidenceError } from './evidence.errors';

/** Cases whose evidence is closed: a merged case's evidence belongs to the case it was merged into. */
const NO_NEW_EVIDENCE = ['MERGED'];

/** The case as intake shows it to the caller: intake decides who may see a case, evidence follows. */
@Injectable()
export class CaseAccess {
  constructor(private readonly rpc: RpcClient) {}

  async visibleCase(caseId: string, field = 'caseId'): Promise<CaseDto> {
    try {
      return await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId });
    } catch (error) {
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || error.code === ErrorCodes.FORBIDDEN)) throw EvidenceError.notFound(field, 'Case');
      throw error;
    }
  }

  /** A case the caller may add evidence to. */
  async openCase(caseId: string): Promise<CaseDto> {
    const kase = await this.visibleCase(caseId);
    if (NO_NEW_EVIDENCE.includes(kase.status)) throw EvidenceError.invalidState(`A case that is ${kase.status} takes no new evidence`, 'caseId');
    return kase;
  }
}

/** Every agency that may see the case: who events about its evidence are for. */
export function caseAgencies(kase: CaseDto): string[] {
  return [...new Set([kase.reporterAgencyCode, ...kase.participants.map((p) => p.agencyCode), ...kase.reports.map((r) => r.reporterAgencyCode)])];
}
