import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { createServiceDataSource } from '../data-source.factory';
import { runServiceMigrations } from '../migration.runner';
import { CreateAuditTables1764300000050 } from './audit-tables.migration';
import { appendAudit, appendAuditEntries } from './audit.writer';
import { auditedSchemas, verifyAuditChain } from './audit.verifier';

describe('tamper-evident audit log (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let sql: Client;
  let schema: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    schema = env.schema('audit');
    dataSource = createServiceDataSource({ url: env.databaseUrl, schema, entities: [], migrations: [CreateAuditTables1764300000050] });
    await dataSource.initialize();
    await runServiceMigrations(dataSource);
    sql = new Client({ connectionString: env.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await dataSource?.destroy();
    await env?.cleanup();
  });

  const actor = { userId: 'u-1', agencyCode: 'STTTT' };

  it('chains entries written concurrently, in commit order, and verifies them', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction((manager) =>
          appendAudit(manager, {
            actor,
            action: 'case.opened',
            targetType: 'case',
            targetId: `case-${i}`,
            summary: { number: `QB-2026-${i}`, nested: { b: 1, a: [i] } },
          }),
        ),
      ),
    );
    // A rolled-back change leaves no entry and no gap.
    await dataSource
      .transaction(async (manager) => {
        await appendAudit(manager, { actor, action: 'case.opened', targetType: 'case', targetId: 'rolled-back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await verifyAuditChain(sql, schema)).toEqual({ schema, ok: true, checked: 20 });
    expect(await auditedSchemas(sql)).toContain(schema);
  });

  it('appends a batch in order with one lock of the head, each entry with its own actor and trace id, beside single writers', async () => {
    const before = await verifyAuditChain(sql, schema);
    const batches = Array.from({ length: 4 }, (_, b) =>
      dataSource.transaction((manager) =>
        appendAuditEntries(
          manager,
          Array.from({ length: 5 }, (_, i) => ({
            actor: { userId: `u-${b}-${i}`, agencyCode: 'CA' },
            action: 'report.attached',
            targetType: 'case',
            targetId: `batch-${b}-${i}`,
            traceId: `trace-${b}-${i}`,
          })),
        ),
      ),
    );
    const singles = Array.from({ length: 3 }, (_, i) =>
      dataSource.transaction((manager) => appendAudit(manager, { actor, action: 'case.opened', targetType: 'case', targetId: `single-${i}` })),
    );
    const written = await Promise.all(batches);
    await Promise.all(singles);
    // Each batch's entries are consecutive and in the order given.
    for (const batch of written) {
      expect(batch.map((e) => e.seq)).toEqual(batch.map((_, i) => batch[0]!.seq + i));
      expect(batch.map((e) => e.targetId)).toEqual(batch.map((_, i) => batch[0]!.targetId.replace(/-\d+$/, `-${i}`)));
    }
    const { rows } = await sql.query(`SELECT actor_user_id, trace_id FROM "${schema}".audit_log WHERE target_id = 'batch-2-3'`);
    expect(rows).toEqual([{ actor_user_id: 'u-2-3', trace_id: 'trace-2-3' }]);
    expect(await appendAuditEntries(dataSource.manager, [])).toEqual([]);
    expect(await verifyAuditChain(sql, schema)).toEqual({ schema, ok: true, checked: before.checked + 23 });
  });

  it('verifies a live chain: entries appended while it runs are left for the next run, not reported as broken', async () => {
    let writing = true;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        await dataSource.transaction((manager) => appendAudit(manager, { actor, action: 'live.append', targetType: 'case', targetId: `live-${w}-${i}` }));
      }
    });
    const verifications = [];
    try {
      for (let run = 0; run < 15; run++) verifications.push(await verifyAuditChain(sql, schema));
    } finally {
      writing = false;
      await Promise.all(writers);
    }
    expect(verifications.map((v) => v.ok)).toEqual(verifications.map(() => true));
    // The writers did append while the verifier ran.
    expect(new Set(verifications.map((v) => v.checked)).size).toBeGreaterThan(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql.query(`UPDATE "${schema}".audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM "${schema}".audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE "${schema}".audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the first altered entry when someone with the power to bypass the trigger edits a row', async () => {
    await sql.query(`ALTER TABLE "${schema}".audit_log DISABLE TRIGGER audit_log_no_change`);
    await sql.query(`UPDATE "${schema}".audit_log SET summary = '{"number":"forged"}' WHERE seq = 7`);
    await sql.query(`ALTER TABLE "${schema}".audit_log ENABLE TRIGGER audit_log_no_change`);
    const result = await verifyAuditChain(sql, schema);
    expect(result).toMatchObject({ ok: false, checked: 6, broken: { seq: 7, reason: expect.stringMatching(/altered/) } });
  });
});
