import type { AgencyDto } from '@phoi-hop/contracts';
import type { AgencyEntity } from './agency.entity';

export function toAgencyDto(entity: AgencyEntity): AgencyDto {
  return {
    code: entity.code,
    name: entity.name,
    kind: entity.kind,
    parentCode: entity.parentCode,
    localityCode: entity.localityCode,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    successorCode: entity.successorCode,
    contacts: entity.contacts ?? {},
  };
}
