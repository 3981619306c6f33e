import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyKeyTable, dropIdempotencyKeyTable } from '@phoi-hop/persistence';

/** Idempotency keys of the notification service's creations: a client's retry gets the first answer (24 h). */
export class IdempotencyKeys1764300003000 implements MigrationInterface {
  name = 'IdempotencyKeys1764300003000';

  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyKeyTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropIdempotencyKeyTable(runner);
  }
}
