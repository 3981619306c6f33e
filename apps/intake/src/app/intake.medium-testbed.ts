import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { Actor, CaseDto, EventEnvelope, SubmitReportRequest } from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, OutboxRelay, RpcClient, type DomainEventHandler } from '@phoi-hop/messaging';
import { DEADLINE_SETTINGS } from '@phoi-hop/persistence';
import { FLOOD_RUMOUR, JOB_SCAM, VACCINATION_NOTICE } from '@phoi-hop/testing';
import {
  InMemoryNoticeBus,
  InMemoryServices,
  RecordingOutboxRelay,
  answerAsSeededDirectory,
  createServiceTestbed,
  type ServiceTestbed,
} from '@phoi-hop/testing-medium';
import { AgencyReorganizedHandler } from '../case/agency-reorganized.handler';
import { CaseMergeService } from '../case/case-merge.service';
import { ConsultationEventsHandler } from '../case/consultation-events.handler';
import { CaseOpener } from '../case/case-opener';
import { CaseRepository, INTAKE_SETTINGS } from '../case/case.repository';
import { CaseSplitService } from '../case/case-split.service';
import { CaseTransitionService } from '../case/case-transition.service';
import { CaseService } from '../case/case.service';
import { WorkQueueRepository } from '../case/work-queue.repository';
import { WorkQueueService } from '../case/work-queue.service';
import { CaseDeadlineRepository } from '../deadline/case-deadline.repository';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { CaseDecisionService } from '../decision/case-decision.service';
import { DecisionRepository } from '../decision/decision.repository';
import { HandlingActionService } from '../decision/handling-action.service';
import { ReportBatchWriter } from '../report/report-batch.writer';
import { ReportService } from '../report/report.service';
import { DirectoryRouting } from '../routing/directory-routing';
import { INTAKE_ENTITIES, INTAKE_MIGRATIONS } from './intake.module';

/**
 * Intake's services as the module wires them, over a fresh intake schema of the real Postgres, with
 * the directory answered in process from the Quảng Bình seed (DirectoryRouting routes with the
 * snapshot it serves) and the outbox relay recorded rather than run: no NATS, no gateway.
 */
export interface IntakeTestbed extends ServiceTestbed {
  module: TestingModule;
  directory: InMemoryServices;
  relay: RecordingOutboxRelay;
  get<T>(type: new (...args: never[]) => T): T;
  /** Applies an event of another service as intake's durable consumer would: once, in one transaction. */
  consume(handler: DomainEventHandler, envelope: Omit<EventEnvelope, 'id' | 'occurredAt'>): Promise<void>;
  /**
   * Submits a report as `actor` and returns the case it opened or joined. Without a URL or excerpt
   * it gets a unique link and a text unlike any other, so it opens a case of its own.
   */
  report(actor: Actor, fields: Partial<SubmitReportRequest> & Pick<SubmitReportRequest, 'categoryCode'>): Promise<CaseDto>;
}

const WORDS = [
  ...new Set(
    `${FLOOD_RUMOUR} ${JOB_SCAM} ${VACCINATION_NOTICE}`
      .toLowerCase()
      .replace(/[^\p{L}\s]/gu, '')
      .split(/\s+/),
  ),
].filter(Boolean);

/** A text of the fixtures' words in random order: as long as a report, and no near-duplicate of another. */
export function distinctExcerpt(words = 40): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ');
}

export async function createIntakeTestbed(): Promise<IntakeTestbed> {
  const bed = await createServiceTestbed({ service: 'intake', entities: INTAKE_ENTITIES, migrations: INTAKE_MIGRATIONS });
  const directory = answerAsSeededDirectory(new InMemoryServices());
  const relay = new RecordingOutboxRelay();
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: bed.dataSource },
      { provide: RpcClient, useValue: directory },
      { provide: OutboxRelay, useValue: relay },
      { provide: NATS_CONNECTION, useValue: new InMemoryNoticeBus() },
      { provide: MESSAGING_OPTIONS, useValue: { subjectPrefix: '', serviceName: 'intake' } },
      { provide: INTAKE_SETTINGS, useValue: { caseNumberPrefix: 'QB', submitBatchMax: 64 } },
      { provide: DEADLINE_SETTINGS, useValue: { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 5_000 } },
      AgencyReorganizedHandler,
      CaseDeadlineRepository,
      CaseDeadlines,
      CaseDecisionService,
      CaseMergeService,
      CaseOpener,
      CaseRepository,
      CaseService,
      CaseSplitService,
      CaseTransitionService,
      ConsultationEventsHandler,
      DecisionRepository,
      DirectoryRouting,
      HandlingActionService,
      ReportBatchWriter,
      ReportService,
      WorkQueueRepository,
      WorkQueueService,
    ],
  }).compile();
  let counter = 0;
  return {
    ...bed,
    module,
    directory,
    relay,
    get: (type) => module.get(type),
    consume: (handler, envelope) =>
      bed.dataSource.transaction((manager) => handler.handle({ id: randomUUID(), occurredAt: new Date().toISOString(), ...envelope }, manager)),
    async report(actor, fields) {
      const url = fields.url ?? `https://www.facebook.com/posts/${bed.schema}-${++counter}`;
      return (await module.get(ReportService).submit(actor, { excerpt: distinctExcerpt(), ...fields, url })).case;
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
