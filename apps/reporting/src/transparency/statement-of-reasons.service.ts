import { Injectable } from '@nestjs/common';
import { ErrorCodes, RpcSubjects, type Actor, type CaseDto, type StatementOfReasonsDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { PeriodError } from '../period/period.errors';
import { toStatementOfReasons } from './statement-of-reasons.rules';

/**
 * A case's decisions as DSA-shaped statements of reasons. The case is read from intake with the
 * caller's own token, so intake decides what the caller may see of it (NOT_FOUND otherwise).
 */
@Injectable()
export class StatementOfReasonsService {
  constructor(private readonly rpc: RpcClient) {}

  async forCase(_actor: Actor, caseId: string, decisionId: string | null): Promise<StatementOfReasonsDto[]> {
    const kase = await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId, withReports: false });
    const decisions = decisionId ? kase.decisions.filter((d) => d.id === decisionId) : kase.decisions;
    if (decisionId && !decisions.length) throw new PeriodError(ErrorCodes.NOT_FOUND, 'No such decision on this case', 'decisionId');
    return decisions.map((d) => toStatementOfReasons(kase, d));
  }
}
