import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '@phoi-hop/contracts';
import { CreateMessagingTables1764300000000 } from '@phoi-hop/messaging';
import { CreateAuditTables1764300000050, createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { INTAKE_ENTITIES, INTAKE_MIGRATIONS } from '../app/intake.module';
import { WorkQueueRepository } from './work-queue.repository';
import { WorkQueueService } from './work-queue.service';

const LEAD: Actor = { userId: randomUUID(), username: 'stttt.lead', agencyCode: 'STTTT', roles: ['COORDINATOR'] };
const POLICE: Actor = { userId: randomUUID(), username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER'] };
const HEALTH: Actor = { userId: randomUUID(), username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };

/** The work an agency owes, on the real Postgres: its open actions, and for the coordinator the cases to triage and decide. */
describe('work queue (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let service: WorkQueueService;
  let seq = 0;

  async function seedCase(status: string, visible: string[], deadline?: { kind: string; at: string; actionId?: string }): Promise<{ id: string; number: string }> {
    const id = randomUUID();
    const number = `QB-2026-${String(++seq).padStart(6, '0')}`;
    await dataSource.query(
      `INSERT INTO handling_case (id, year, seq, number, status, category_code, severity, reporter_agency_code, visible_agencies, opened_at, updated_at)
       VALUES ($1, 2026, $2, $3, $4, 'FALSE_INFO_PANIC', 'HIGH', 'UBND_LE_THUY', $5, now(), now())`,
      [id, seq, number, status, visible],
    );
    if (deadline) await addDeadline(id, deadline);
    return { id, number };
  }

  async function addDeadline(caseId: string, deadline: { kind: string; at: string; actionId?: string }): Promise<void> {
    for (const phase of ['REMINDER', 'ESCALATION']) {
      await dataSource.query(`INSERT INTO case_deadline (id, case_id, kind, action_id, phase, deadline, due_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`, [
        randomUUID(),
        caseId,
        deadline.kind,
        deadline.actionId ?? null,
        phase,
        deadline.at,
      ]);
    }
  }

  async function addAction(caseId: string, assignee: string, status: string, dueDate: string): Promise<string> {
    const decisionId = randomUUID();
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO decision (id, case_id, finding, provisions, statement_of_reasons, decided_by, decided_by_agency, decided_at) VALUES ($1, $2, 'FALSE', '[]', 'Lý do', 'u', 'STTTT', now())`,
      [decisionId, caseId],
    );
    await dataSource.query(`INSERT INTO handling_action (id, case_id, decision_id, type, assignee_agency_code, due_date, status, created_at) VALUES ($1, $2, $3, 'PUBLISH_CLARIFICATION', $4, $5, $6, now())`, [
      id,
      caseId,
      decisionId,
      assignee,
      dueDate,
      status,
    ]);
    return id;
  }

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
    service = new WorkQueueService(dataSource, new WorkQueueRepository());
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.cleanup();
  });

  it('lists each agency’s open actions and the coordinator’s triage and decisions, soonest deadline first, with who owes them', async () => {
    const toTriage = await seedCase('OPEN', ['UBND_LE_THUY', 'STTTT', 'CA'], { kind: 'TRIAGE', at: '2020-01-01T00:00:00Z' });
    const toDecide = await seedCase('TRIAGED', ['UBND_LE_THUY', 'STTTT'], { kind: 'DECISION', at: '2099-01-01T00:00:00Z' });
    const acting = await seedCase('ACTING', ['UBND_LE_THUY', 'STTTT', 'CA', 'SYT']);
    const policeAction = await addAction(acting.id, 'CA', 'IN_PROGRESS', '2099-02-01');
    await addDeadline(acting.id, { kind: 'ACTION', at: '2099-02-01T17:00:00Z', actionId: policeAction });
    await addAction(acting.id, 'SYT', 'DONE', '2099-02-01');
    await seedCase('CLOSED', ['UBND_LE_THUY', 'STTTT']);

    const lead = await service.queue(LEAD, { first: 50 });
    expect(lead.items.map((i) => [i.kind, i.caseNumber, i.owedBy, i.overdue])).toEqual([
      ['TRIAGE', toTriage.number, 'STTTT', true],
      ['DECIDE', toDecide.number, 'STTTT', false],
    ]);
    expect(lead.totalCount).toBe(2);

    const police = await service.queue(POLICE, { first: 50 });
    expect(police.items).toEqual([
      expect.objectContaining({ kind: 'HANDLING_ACTION', caseId: acting.id, owedBy: 'CA', actionId: policeAction, actionType: 'PUBLISH_CLARIFICATION', deadline: '2099-02-01T17:00:00.000Z', overdue: false, caseStatus: 'ACTING' }),
    ]);
    // A done action is owed by no one; an officer has no triage to do.
    expect((await service.queue(HEALTH, { first: 50 })).items).toEqual([]);
    const firstOnly = await service.queue(LEAD, { first: 1 });
    expect([firstOnly.items.length, firstOnly.totalCount]).toEqual([1, 2]);
  });
});
