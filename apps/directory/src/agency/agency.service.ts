import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCodes, EventSubjects, type Actor, type AgenciesReorganizedEvent, type AgencyDto, type ReorganizeAgenciesRequest, type ReorganizeAgenciesResponse } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { RoutingService } from '../routing/routing.service';
import { planReorganization } from './agency-reorganization';
import { AgencyEntity } from './agency.entity';
import { AgencyRepository } from './agency.repository';
import { toAgencyDto } from './agency.mapper';

@Injectable()
export class AgencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgencyRepository,
    private readonly routing: RoutingService,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Merges or renames agencies from an effective date, in one transaction with its audit entry and
   * the `evt.directory.agency.reorganized` event, on which intake moves the open cases.
   */
  async reorganize(actor: Actor, request: ReorganizeAgenciesRequest): Promise<ReorganizeAgenciesResponse> {
    const result = await this.dataSource.transaction(async (manager) => {
      // One reorganisation at a time: each is checked against the directory as the last one left it.
      await this.agencies.lockReorganization(manager);
      const rows = await manager.find(AgencyEntity);
      const plan = planReorganization(request, new Map(rows.map((a) => [a.code, a])));
      if (!plan.ok) throw new DomainError(ErrorCodes.BAD_USER_INPUT, plan.problem.message, plan.problem.field);
      if (plan.createSuccessor) {
        await manager.insert(AgencyEntity, {
          code: request.successorCode,
          name: request.newSuccessor!.name,
          shortName: null,
          kind: request.newSuccessor!.kind,
          parentCode: request.newSuccessor!.parentCode ?? null,
          localityCode: null,
          validFrom: request.effectiveDate,
          validTo: null,
          successorCode: null,
        });
      }
      await manager.update(AgencyEntity, { code: In(request.retire) }, { validTo: plan.retireOn, successorCode: request.successorCode });
      const changed = await manager.find(AgencyEntity, { where: { code: In([...request.retire, request.successorCode]) } });
      const retired = changed.filter((a) => request.retire.includes(a.code)).map(toAgencyDto);
      const successor = toAgencyDto(changed.find((a) => a.code === request.successorCode)!);
      await appendToOutbox<AgenciesReorganizedEvent>(manager, [
        {
          subject: EventSubjects.directory.agenciesReorganized,
          aggregateId: request.successorCode,
          visibleTo: [...request.retire, request.successorCode],
          data: { effectiveDate: request.effectiveDate, retired: request.retire, successorCode: request.successorCode },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'agency.reorganized',
        targetType: 'agency',
        targetId: request.successorCode,
        summary: { effectiveDate: request.effectiveDate, retired: request.retire, created: plan.createSuccessor, reason: request.reason },
      });
      return { effectiveDate: request.effectiveDate, retired, successor };
    });
    this.routing.changed();
    this.relay.kick();
    return result;
  }

  async list(): Promise<AgencyDto[]> {
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
    return rows.map(toAgencyDto);
  }

  async getMany(codes: string[]): Promise<AgencyDto[]> {
    if (codes.length === 0) return [];
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ where: { code: In([...new Set(codes)]) } });
    return rows.map(toAgencyDto);
  }
}
