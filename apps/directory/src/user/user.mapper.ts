import type { UserAdminDto } from '@phoi-hop/contracts';
import type { UserEntity } from './user.entity';

export function toUserAdminDto(user: UserEntity): UserAdminDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyCode: user.agencyCode,
    roles: user.roles,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
    disabledReason: user.disabledReason,
    subject: user.subject,
  };
}
