import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCodes, type Actor, type FocalPointDto, type FocalPointSetRequest } from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { FocalPointEntity } from './focal-point.entity';

function toDto(entity: FocalPointEntity): FocalPointDto {
  const { id, agencyCode, displayName, title, workPhone, workEmail, deputyId, active } = entity;
  return { id, agencyCode, displayName, title, workPhone, workEmail, deputyId, active };
}

@Injectable()
export class FocalPointService {
  constructor(private readonly dataSource: DataSource) {}

  async list(agencyCode: string): Promise<FocalPointDto[]> {
    const rows = await this.dataSource.getRepository(FocalPointEntity).find({ where: { agencyCode }, order: { displayName: 'ASC' } });
    return rows.map(toDto);
  }

  /** Adds or changes a focal point of an agency, with its audit entry, in one transaction. */
  async set(actor: Actor, request: FocalPointSetRequest): Promise<FocalPointDto> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.findOne(AgencyEntity, { where: { code: request.agencyCode } });
      if (!agency) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Unknown agency ${request.agencyCode}`, 'agencyCode');
      const before = request.id ? await manager.findOne(FocalPointEntity, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (request.id && (!before || before.agencyCode !== request.agencyCode))
        throw new DomainError(ErrorCodes.NOT_FOUND, 'No such focal point in this agency', 'id');
      const id = request.id ?? randomUUID();
      if (request.deputyId) {
        const deputy = await manager.findOne(FocalPointEntity, { where: { id: request.deputyId } });
        if (request.deputyId === id) throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'A focal point cannot be its own deputy', 'deputyId');
        if (!deputy || deputy.agencyCode !== request.agencyCode)
          throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'The deputy must be a focal point of the same agency', 'deputyId');
      }
      const entity: FocalPointEntity = Object.assign(new FocalPointEntity(), {
        id,
        agencyCode: request.agencyCode,
        displayName: request.displayName.trim(),
        title: request.title.trim(),
        workPhone: request.workPhone ?? null,
        workEmail: request.workEmail?.toLowerCase() ?? null,
        deputyId: request.deputyId ?? null,
        active: request.active ?? true,
        updatedAt: new Date(),
      });
      await manager.save(FocalPointEntity, entity);
      await appendAudit(manager, {
        actor,
        action: before ? 'focal-point.changed' : 'focal-point.added',
        targetType: 'agency',
        targetId: request.agencyCode,
        summary: { focalPointId: id, before: before ? toDto(before) : null, after: toDto(entity) },
      });
      return toDto(entity);
    });
  }
}
