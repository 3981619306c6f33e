import type { DataSource } from 'typeorm';
import { CreateMessagingTables1764300000000 } from '@phoi-hop/messaging';
import { CreateAuditTables1764300000050, appendAudit, createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { INTAKE_ENTITIES, INTAKE_MIGRATIONS } from '../app/intake.module';
import { CaseRepository } from './case.repository';

/**
 * Case numbers are taken with the audit head in one round trip, and only when the head has not
 * moved since the batch read (otherwise the batch reads again): a refused attempt must take no
 * number, or the year's numbering would have gaps. Checked under generic plans too, where
 * Postgres is free to evaluate a subquery before the condition around it.
 */
describe('case numbers taken with the audit head (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let cases: CaseRepository;
  const year = 2031;

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataSource = createServiceDataSource({
      url: env.databaseUrl,
      schema: env.schema('intake'),
      entities: INTAKE_ENTITIES,
      migrations: [CreateMessagingTables1764300000000, CreateAuditTables1764300000050, ...INTAKE_MIGRATIONS],
      poolSize: 2,
    });
    await dataSource.initialize();
    await runServiceMigrations(dataSource);
    cases = new CaseRepository(dataSource, { caseNumberPrefix: 'QB' });
    await cases.ensureYearSequence(year);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.cleanup();
  });

  const lastNumber = async (): Promise<number> => Number((await dataSource.query(`SELECT last_value, is_called FROM case_number_${year}`))[0].last_value);

  it.each(['force_custom_plan', 'force_generic_plan'])('takes no number when the head moved, and consecutive ones when it did not (%s)', async (planMode) => {
    const before = await lastNumber();
    const head = (await dataSource.query(`SELECT last_seq::text AS seq FROM audit_head`))[0].seq as string;
    const stale = String(Number(head) - 1);
    for (let attempt = 0; attempt < 8; attempt++) {
      await dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL plan_cache_mode = ${planMode}`);
        const locked = await cases.lockAuditHeadAndNumber(manager, stale, [year, year, year]);
        expect(locked.numbers).toBeNull();
        expect(locked.head.lastSeq).toBe(Number(head));
      });
    }
    expect(await lastNumber()).toBe(before);

    const taken = await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL plan_cache_mode = ${planMode}`);
      return (await cases.lockAuditHeadAndNumber(manager, head, [year, year, year])).numbers!.get(year)!;
    });
    const first = taken[0]!.seq;
    expect(taken.map((n) => n.seq)).toEqual([first, first + 1, first + 2]);
    expect(taken[0]!.number).toBe(`QB-${year}-${String(first).padStart(6, '0')}`);
    // Another writer moves the head: the next batch that read before it is refused.
    await dataSource.transaction((manager) => appendAudit(manager, { actor: null, action: 'test.moved', targetType: 'test', targetId: 'head' }));
    await dataSource.transaction(async (manager) => {
      expect((await cases.lockAuditHeadAndNumber(manager, head, [year])).numbers).toBeNull();
    });
    expect(await lastNumber()).toBe(first + 2);
  });
});
