import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, RpcSubjects, type CaseDto } from '@phoi-hop/contracts';
import { OutboxRelay, RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { DEADLINE_SETTINGS } from '@phoi-hop/persistence';
import { InMemoryServices, RecordingOutboxRelay, answerAsSeededDirectory, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { ConsultationRepository } from '../consultation/consultation.repository';
import { ConsultationService } from '../consultation/consultation.service';
import { OpinionQueueService } from '../consultation/opinion-queue.service';
import { CONSULTATION_MIGRATIONS } from './consultation.module';

/** A case as intake shows it to the consultation service (what it reads of `intake.case.get`). */
export type CaseView = Pick<CaseDto, 'id' | 'number' | 'status' | 'severity' | 'reporterAgencyCode' | 'participants'> & {
  reports: Array<Pick<CaseDto['reports'][number], 'reporterAgencyCode'>>;
};

/**
 * The consultation service's services over a fresh consultation schema of the real Postgres, with
 * intake (the cases a test puts in `cases`) and the directory (as seeded) answered in process, and
 * the outbox relay recorded rather than run: no NATS, no gateway.
 */
export interface ConsultationTestbed extends ServiceTestbed {
  module: TestingModule;
  relay: RecordingOutboxRelay;
  get<T>(type: new (...args: never[]) => T): T;
  /** A case that intake would show, led by Sở TT&TT with CA and UBND Lệ Thủy, reported by Lệ Thủy; returns its id. */
  addCase(status?: CaseDto['status']): string;
}

export async function createConsultationTestbed(): Promise<ConsultationTestbed> {
  const bed = await createServiceTestbed({ service: 'consultation', migrations: CONSULTATION_MIGRATIONS });
  const cases = new Map<string, CaseView>();
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
      ConsultationRepository,
      ConsultationService,
      OpinionQueueService,
    ],
  }).compile();
  let seq = 0;
  return {
    ...bed,
    module,
    relay,
    get: (type) => module.get(type),
    addCase(status = 'TRIAGED') {
      const id = randomUUID();
      cases.set(id, {
        id,
        number: `QB-2026-${String(++seq).padStart(6, '0')}`,
        status,
        severity: 'HIGH',
        reporterAgencyCode: 'UBND_LE_THUY',
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
          { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2' },
          { agencyCode: 'UBND_LE_THUY', role: 'PARTICIPANT', basis: 'Đ6.7; Đ7.2' },
        ],
        reports: [{ reporterAgencyCode: 'UBND_LE_THUY' }],
      });
      return id;
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
