import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCodes, ResolveProvisionsRequest, RpcSubjects, type ProvisionDto } from '@phoi-hop/contracts';
import { CategoryEntity } from './reference.entities';

/** The legal provisions of the taxonomy by code, with their versions (shared/legal-basis.md). */
@Injectable()
export class ProvisionService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(codes: string[]): Promise<ProvisionDto[]> {
    const categories = await this.dataSource.getRepository(CategoryEntity).find();
    const known = new Map<string, ProvisionDto>();
    for (const category of categories) {
      for (const b of category.legalBases) {
        const categoryCodes = [...(known.get(b.code)?.categoryCodes ?? []), category.code];
        known.set(b.code, { code: b.code, citation: b.citation, effectiveFrom: b.effectiveFrom, effectiveTo: b.effectiveTo, successorCode: b.successorCode, categoryCodes });
      }
    }
    const missing = codes.filter((code) => !known.has(code));
    if (missing.length > 0) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Unknown legal provision ${missing.join(', ')}`, 'provisionCodes');
    return [...new Set(codes)].map((code) => known.get(code)!);
  }
}

@Controller()
export class ProvisionNatsController {
  constructor(private readonly provisions: ProvisionService) {}

  @MessagePattern(RpcSubjects.directory.provisionResolve)
  resolve(@Payload() request: ResolveProvisionsRequest): Promise<ProvisionDto[]> {
    return this.provisions.resolve(request.codes);
  }
}
