import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@phoi-hop/contracts';

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  subjectIssuer: string | null;
  subject: string | null;
}

/** User rows the entity manager alone does not write safely. */
@Injectable()
export class UserRepository {
  /** Inserts the user unless the username is taken (also by a concurrent create); whether it was inserted. */
  async insertIfAbsent(manager: EntityManager, user: NewUser): Promise<boolean> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO app_user (id, username, display_name, agency_code, roles, subject_issuer, subject) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.id, user.username, user.displayName, user.agencyCode, user.roles, user.subjectIssuer, user.subject],
    );
    return inserted.length > 0;
  }
}
