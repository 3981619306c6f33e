import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, RpcSubjects, type CaseDto } from '@phoi-hop/contracts';
import { OutboxRelay, RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS } from '@phoi-hop/persistence';
import type { TestUser } from '@phoi-hop/testing';
import { InMemoryServices, RecordingOutboxRelay, answerAsSeededDirectory, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { PRESS_MIGRATIONS } from '../app/press.module';
import { CorrectionOverdueScheduler } from '../correction/correction-overdue.scheduler';
import { CorrectionRepository } from '../correction/correction.repository';
import { CorrectionService } from '../correction/correction.service';
import { StatementFeedService } from '../statement/statement-feed.service';
import { STATEMENT_FEED_SETTINGS } from '../statement/statement-feed.settings';
import { StatementRepository } from '../statement/statement.repository';
import { StatementService } from '../statement/statement.service';
import { PressDirectory } from './press-directory';
import { PRESS_PUBLIC_BASE } from './public-base';

export const PUBLIC_BASE = 'https://phoi-hop.example.gov.vn';
/** The seeded user of Báo Quảng Bình (a press organ of the directory). */
export const baoqbOfficer: TestUser = { username: 'baoqb.officer', agencyCode: 'BAO_QB', roles: ['OFFICER'] };

/**
 * The press service's corrections and statements over a fresh press schema of the real Postgres,
 * with intake (the cases a test adds) and the directory (as seeded) answered in process, and the
 * outbox relay recorded rather than run: no NATS, no HTTP.
 */
export interface PressPublicationTestbed extends ServiceTestbed {
  module: TestingModule;
  relay: RecordingOutboxRelay;
  get<T>(type: new (...args: never[]) => T): T;
  /** A case led by Sở TT&TT with CA and UBND Lệ Thủy taking part; returns its id. */
  addCase(): string;
}

/** Entries on each page of the statements feed in these tests: small, so that a few statements make several pages. */
export const TESTBED_FEED_PAGE_SIZE = 3;

export async function createPressPublicationTestbed(): Promise<PressPublicationTestbed> {
  const bed = await createServiceTestbed({ service: 'press', migrations: PRESS_MIGRATIONS });
  const cases = new Map<string, Pick<CaseDto, 'id' | 'number' | 'participants'>>();
  const services = answerAsSeededDirectory(new InMemoryServices()).answer<{ id: string }>(RpcSubjects.intake.caseGet, ({ id }) => {
    const found = cases.get(id);
    if (!found) throw new RpcCallError(ErrorCodes.NOT_FOUND, 'Case not found');
    return found;
  });
  const relay = new RecordingOutboxRelay();
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: bed.dataSource },
      { provide: RpcClient, useValue: services },
      { provide: OutboxRelay, useValue: relay },
      { provide: DEADLINE_SETTINGS, useValue: { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 5_000 } },
      { provide: DEADLINE_SCHEDULER_ENABLED, useValue: false },
      { provide: PRESS_PUBLIC_BASE, useValue: PUBLIC_BASE },
      { provide: STATEMENT_FEED_SETTINGS, useValue: { pageSize: TESTBED_FEED_PAGE_SIZE } },
      PressDirectory,
      CorrectionRepository,
      CorrectionService,
      CorrectionOverdueScheduler,
      StatementRepository,
      StatementService,
      StatementFeedService,
    ],
  }).compile();
  let seq = 0;
  return {
    ...bed,
    module,
    relay,
    get: (type) => module.get(type),
    addCase() {
      const id = randomUUID();
      cases.set(id, {
        id,
        number: `QB-2026-${String(++seq).padStart(6, '0')}`,
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
          { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2' },
          { agencyCode: 'UBND_LE_THUY', role: 'PARTICIPANT', basis: 'Đ6.7; Đ7.2' },
        ],
      } as Pick<CaseDto, 'id' | 'number' | 'participants'>);
      return id;
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
