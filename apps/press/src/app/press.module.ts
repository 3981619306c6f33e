import { Module, type DynamicModule } from '@nestjs/common';
import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { ServiceCredential, internalSecretOf } from '@phoi-hop/auth';
import { auditTrailController, eventConsumerProviders, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import { ATTACHMENT_LINK_SETTINGS, AttachmentLinks } from '../attachment/attachment-links';
import { ATTACHMENT_SETTINGS } from '../attachment/attachment.settings';
import { AttachmentHttpController } from '../attachment/attachment.http-controller';
import { AttachmentNatsController } from '../attachment/attachment.nats-controller';
import { AttachmentRepository } from '../attachment/attachment.repository';
import { AttachmentService } from '../attachment/attachment.service';
import { PressDirectory } from '../common/press-directory';
import { PRESS_PUBLIC_BASE, pressPublicBase } from '../common/public-base';
import { CaseReferralHandler } from '../complaint/case-referral.handler';
import { ComplaintNatsController } from '../complaint/complaint.nats-controller';
import { ComplaintRepository } from '../complaint/complaint.repository';
import { ComplaintService } from '../complaint/complaint.service';
import { COMPLAINT_SETTINGS } from '../complaint/complaint.settings';
import type { PressConfig } from '../config/press.config';
import { CorrectionOverdueScheduler } from '../correction/correction-overdue.scheduler';
import { CorrectionNatsController } from '../correction/correction.nats-controller';
import { CorrectionRepository } from '../correction/correction.repository';
import { CorrectionService } from '../correction/correction.service';
import { PRESS_SERVICE_CREDENTIAL, PressDeadlineScheduler } from '../deadline/press-deadline.scheduler';
import { PressInitial1764300004400 } from '../migrations/1764300004400-press-initial';
import { ReplyNotices1764300004420 } from '../migrations/1764300004420-reply-notices';
import { CitedRules1764300004430 } from '../migrations/1764300004430-cited-rules';
import { PressCorrectionsStatements1764300004500 } from '../migrations/1764300004500-press-corrections-statements';
import { ReplyAttachments1764300005100 } from '../migrations/1764300005100-reply-attachments';
import { PressReference } from '../reference/press-reference';
import { ReplyLinkService } from '../reply/reply-link.service';
import { REPLY_LINK_SETTINGS } from '../reply/reply-link.settings';
import { ReplyHttpController } from '../reply/reply.http-controller';
import { ReplyService } from '../reply/reply.service';
import { RETENTION_POLL_MS, RespondentRetentionJob } from '../retention/respondent-retention.job';
import { RulingService } from '../ruling/ruling.service';
import { StatementFeedHttpController } from '../statement/statement-feed.http-controller';
import { StatementFeedService } from '../statement/statement-feed.service';
import { STATEMENT_FEED_SETTINGS } from '../statement/statement-feed.settings';
import { StatementNatsController } from '../statement/statement.nats-controller';
import { StatementRepository } from '../statement/statement.repository';
import { StatementService } from '../statement/statement.service';

export interface PressModuleDeps {
  pgDriver?: unknown;
}

/** The press service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const PRESS_MIGRATIONS = [
  PressInitial1764300004400,
  ReplyNotices1764300004420,
  CitedRules1764300004430,
  PressCorrectionsStatements1764300004500,
  ReplyAttachments1764300005100,
];

@Module({})
export class PressModule {
  static forRoot(config: PressConfig, deps: PressModuleDeps = {}): DynamicModule {
    return {
      module: PressModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: PRESS_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [
        auditTrailController(RpcSubjects.press.auditTrail),
        AttachmentHttpController,
        AttachmentNatsController,
        ComplaintNatsController,
        ReplyHttpController,
        CorrectionNatsController,
        StatementFeedHttpController,
        StatementNatsController,
      ],
      providers: [
        ...deadlineSettingsProviders(config),
        { provide: ATTACHMENT_SETTINGS, useValue: config.attachments },
        { provide: ATTACHMENT_LINK_SETTINGS, useValue: { secret: internalSecretOf(config.auth), publicUrl: config.replyLinks.publicUrl } },
        AttachmentLinks,
        AttachmentRepository,
        AttachmentService,
        { provide: COMPLAINT_SETTINGS, useValue: config.complaints },
        { provide: PRESS_SERVICE_CREDENTIAL, useValue: new ServiceCredential(internalSecretOf(config.auth), 'press') },
        { provide: REPLY_LINK_SETTINGS, useValue: config.replyLinks },
        { provide: STATEMENT_FEED_SETTINGS, useValue: config.statementFeed },
        { provide: RETENTION_POLL_MS, useValue: config.retentionPollMs },
        ComplaintRepository,
        ComplaintService,
        PressDeadlineScheduler,
        PressReference,
        ReplyLinkService,
        ReplyService,
        RespondentRetentionJob,
        RulingService,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...eventConsumerProviders('press-case-referrals', [EventSubjects.intake.caseDecided], CaseReferralHandler),
        { provide: PRESS_PUBLIC_BASE, useValue: pressPublicBase(config) },
        CorrectionOverdueScheduler,
        CorrectionRepository,
        CorrectionService,
        PressDirectory,
        StatementFeedService,
        StatementRepository,
        StatementService,
      ],
    };
  }
}
