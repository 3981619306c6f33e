import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AgencyDto } from '@phoi-hop/contracts';
import { AgencyEntity } from './agency.entity';
import { toAgencyDto } from './agency.mapper';

@Injectable()
export class AgencyService {
  constructor(private readonly dataSource: DataSource) {}

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
