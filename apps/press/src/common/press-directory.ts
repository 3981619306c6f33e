import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCodes, RpcSubjects, provinceDay, type AgencyDto, type CaseDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';

export interface CaseHead {
  id: string;
  number: string;
  /** The agencies taking part in the case (lead, participants, informed). */
  participants: string[];
}

/** What the press service asks other services on the caller's behalf: cases (intake) and agencies (directory). */
@Injectable()
export class PressDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** The case as intake shows it to the caller: NOT_FOUND (on `field`) for a case the caller may not see. */
  async caseOf(caseId: string, field = 'caseId'): Promise<CaseHead> {
    try {
      const kase = await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId });
      return { id: kase.id, number: kase.number, participants: [...new Set(kase.participants.map((p) => p.agencyCode))] };
    } catch (error) {
      if (error instanceof RpcCallError && error.code === ErrorCodes.NOT_FOUND) throw new DomainError(ErrorCodes.NOT_FOUND, 'Case not found', field);
      throw error;
    }
  }

  /** An agency of the directory in force today; BAD_USER_INPUT (on `field`) otherwise. */
  async currentAgency(code: string, field: string): Promise<AgencyDto> {
    const [agency] = await this.rpc.request<AgencyDto[]>(RpcSubjects.directory.agencyGetMany, { codes: [code] });
    if (!agency || agency.code !== code) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Unknown agency ${code}`, field);
    if (agency.validTo && agency.validTo < provinceDay())
      throw new DomainError(
        ErrorCodes.BAD_USER_INPUT,
        `${code} was retired on ${agency.validTo}${agency.successorCode ? `; its successor is ${agency.successorCode}` : ''}`,
        field,
      );
    return agency;
  }

  /** A press organ of the directory in force today (the outlets a correction can be asked of). */
  async assertOutlet(code: string, field: string): Promise<AgencyDto> {
    const agency = await this.currentAgency(code, field);
    if (agency.kind !== 'PRESS_ORGAN') throw new DomainError(ErrorCodes.BAD_USER_INPUT, `${code} is not a press organ`, field);
    return agency;
  }
}
