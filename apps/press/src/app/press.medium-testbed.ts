import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { HttpAdapterHost } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, RpcSubjects, type CaseDto, type PressRuleDto, type PublicHolidayDto } from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, OutboxRelay, RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS } from '@phoi-hop/persistence';
import {
  InMemoryNoticeBus,
  InMemoryServices,
  QUANG_BINH_SEED_DIR,
  RecordingOutboxRelay,
  createServiceTestbed,
  type ServiceTestbed,
} from '@phoi-hop/testing-medium';
import { ATTACHMENT_LINK_SETTINGS, AttachmentLinks } from '../attachment/attachment-links';
import { ATTACHMENT_SETTINGS } from '../attachment/attachment.settings';
import { AttachmentRepository } from '../attachment/attachment.repository';
import { AttachmentService } from '../attachment/attachment.service';
import { ComplaintRepository } from '../complaint/complaint.repository';
import { ComplaintService } from '../complaint/complaint.service';
import { COMPLAINT_SETTINGS } from '../complaint/complaint.settings';
import { PressReference } from '../reference/press-reference';
import { ReplyLinkService } from '../reply/reply-link.service';
import { REPLY_LINK_SETTINGS } from '../reply/reply-link.settings';
import { ReplyService } from '../reply/reply.service';
import { RETENTION_POLL_MS, RespondentRetentionJob } from '../retention/respondent-retention.job';
import { RulingService } from '../ruling/ruling.service';
import { PRESS_MIGRATIONS } from './press.module';

export const TESTBED_REPLY_SECRET = 'medium-testbed-press-reply-link-secret';
/** Small limits for the replies' files, so that refusals need only small files. */
export const TESTBED_ATTACHMENT_LIMITS = { maxFileBytes: 4096, maxFiles: 2, maxTotalBytes: 6144, uploadTtlSeconds: 60 };

/** A case as intake shows it to the press service. */
export type CaseView = Pick<CaseDto, 'id' | 'number' | 'status' | 'reporterAgencyCode' | 'participants' | 'decisions'> & {
  reports: Array<Pick<CaseDto['reports'][number], 'reporterAgencyCode'>>;
};

/**
 * The press service's services over a fresh press schema of the real Postgres, with the directory's
 * reference data (press rules and holidays as seeded) and intake's cases answered in process, and the
 * outbox relay recorded rather than run: no NATS, no gateway, no mailer.
 */
export interface PressTestbed extends ServiceTestbed {
  module: TestingModule;
  relay: RecordingOutboxRelay;
  get<T>(type: new (...args: never[]) => T): T;
  /** The directory's change notices (an edit announces itself here before its caller is answered). */
  notices: InMemoryNoticeBus;
  /** The public holidays the in-process directory answers with: change it, then publish a notice, as an edit would. */
  publicHolidays: PublicHolidayDto[];
  /** A case decided FALSE with a grounded decision (or not), led by Sở TT&TT with HNB; returns its id and decision id. */
  addCase(grounded?: boolean): { caseId: string; decisionId: string };
}

export async function createPressTestbed(): Promise<PressTestbed> {
  const bed = await createServiceTestbed({ service: 'press', migrations: PRESS_MIGRATIONS });
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(QUANG_BINH_SEED_DIR, file), 'utf8')) as T;
  const pressRules = read<Array<PressRuleDto & { needsReview?: boolean }>>('press-rules.json').map((r) => ({ ...r, needsReview: r.needsReview ?? false }));
  const publicHolidays = read<PublicHolidayDto[]>('public-holidays.json');
  const cases = new Map<string, CaseView>();
  const notices = new InMemoryNoticeBus();
  const services = new InMemoryServices()
    .answer<{ asOf: string }>(RpcSubjects.directory.referenceData, ({ asOf }) => ({
      day: asOf,
      pressRules: pressRules.filter((r) => (!r.effectiveFrom || r.effectiveFrom <= asOf) && (!r.effectiveTo || r.effectiveTo >= asOf)),
      publicHolidays,
    }))
    .answer<{ id: string }>(RpcSubjects.intake.caseGet, ({ id }) => {
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
      { provide: NATS_CONNECTION, useValue: notices },
      { provide: MESSAGING_OPTIONS, useValue: { subjectPrefix: '', serviceName: 'press' } },
      { provide: DEADLINE_SETTINGS, useValue: { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 5_000 } },
      {
        provide: COMPLAINT_SETTINGS,
        useValue: { admissibleMonths: 6, replyWindowWorkingDays: 10, appealWindowWorkingDays: 10, pressAssociationAgencyCode: 'HNB' },
      },
      { provide: REPLY_LINK_SETTINGS, useValue: { secret: TESTBED_REPLY_SECRET, publicUrl: null } },
      { provide: ATTACHMENT_SETTINGS, useValue: TESTBED_ATTACHMENT_LIMITS },
      { provide: ATTACHMENT_LINK_SETTINGS, useValue: { secret: 'medium-testbed-internal-secret'.padEnd(40, 'x'), publicUrl: 'http://press.test' } },
      { provide: HttpAdapterHost, useValue: {} },
      // The retention job, run by the test (runDue), not on a timer.
      { provide: RETENTION_POLL_MS, useValue: 3_600_000 },
      { provide: DEADLINE_SCHEDULER_ENABLED, useValue: false },
      AttachmentLinks,
      AttachmentRepository,
      AttachmentService,
      ComplaintRepository,
      ComplaintService,
      PressReference,
      ReplyLinkService,
      ReplyService,
      RespondentRetentionJob,
      RulingService,
    ],
  }).compile();
  let seq = 0;
  return {
    ...bed,
    module,
    relay,
    notices,
    publicHolidays,
    get: (type) => module.get(type),
    addCase(grounded = true) {
      const id = randomUUID();
      const decisionId = randomUUID();
      cases.set(id, {
        id,
        number: `QB-2026-${String(++seq).padStart(6, '0')}`,
        status: 'DECIDED',
        reporterAgencyCode: 'UBND_LE_THUY',
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
          { agencyCode: 'HNB', role: 'PARTICIPANT', basis: 'Đ6.3' },
        ],
        reports: [{ reporterAgencyCode: 'UBND_LE_THUY' }],
        decisions: [
          {
            id: decisionId,
            finding: grounded ? 'FALSE' : 'OPINION',
            provisions: grounded ? [{ code: 'ND15_2020_D101', citation: 'Nghị định 15/2020/NĐ-CP, Điều 101' }] : [],
            assessment: grounded
              ? {
                  isFactualClaim: true,
                  verifiedFalseBy: 'SYT',
                  isPublicInterestReporting: false,
                  isGenuineGrievance: false,
                  proportionality: 'Cần thiết',
                  concludesNotProtected: true,
                }
              : null,
            statementOfReasons: 'Xác minh của Sở Y tế.',
            decidedBy: 'stttt.lead',
            decidedByAgency: 'STTTT',
            decidedAt: new Date().toISOString(),
            consultationId: null,
          },
        ],
      } as CaseView);
      return { caseId: id, decisionId };
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
