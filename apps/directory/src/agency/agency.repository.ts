import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Agency writes that the entity manager alone does not express. */
@Injectable()
export class AgencyRepository {
  /** One reorganisation at a time across replicas, until the caller's transaction ends. */
  async lockReorganization(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('directory:reorganize'))`);
  }
}
