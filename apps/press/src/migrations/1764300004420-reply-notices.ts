import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The e-mailed notices of the right of reply are due work too: sent once, retried when the mailer fails. */
export class ReplyNotices1764300004420 implements MigrationInterface {
  name = 'ReplyNotices1764300004420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE press_deadline DROP CONSTRAINT press_deadline_kind_check`);
    await runner.query(
      `ALTER TABLE press_deadline ADD CONSTRAINT press_deadline_kind_check CHECK (kind IN ('REPLY_NOTICE', 'REPLY_REMINDER', 'REPLY_WINDOW_CLOSED'))`,
    );
    await runner.query(`ALTER TABLE press_deadline ADD COLUMN link_id uuid REFERENCES press_reply_link (id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM press_deadline WHERE kind = 'REPLY_NOTICE'`);
    await runner.query(`ALTER TABLE press_deadline DROP COLUMN link_id`);
    await runner.query(`ALTER TABLE press_deadline DROP CONSTRAINT press_deadline_kind_check`);
    await runner.query(`ALTER TABLE press_deadline ADD CONSTRAINT press_deadline_kind_check CHECK (kind IN ('REPLY_REMINDER', 'REPLY_WINDOW_CLOSED'))`);
  }
}
