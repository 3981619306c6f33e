import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, type PressComplaintEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, appendAudit } from '@phoi-hop/persistence';
import { AttachmentRepository } from '../attachment/attachment.repository';
import { ComplaintRepository } from '../complaint/complaint.repository';
import { aggregateOf, complaintEvent } from '../complaint/complaint.service';

export const RETENTION_POLL_MS = Symbol('RETENTION_POLL_MS');
/** An outlet's upload that no reply named within this long is deleted (the upload address lives minutes). */
export const UNATTACHED_UPLOAD_GRACE_MS = 24 * 3_600_000;

/**
 * The retention policy of respondent details (personal-data law: minimal, purpose-bound): once a
 * complaint is over (inadmissible, closed, or ruled with the appeal time passed), the journalist's
 * and editor's names and work contacts are deleted, and so are the bytes of the replies' files —
 * they served the ruling and the appeal, and may hold personal data of others; their names, types,
 * sizes and SHA-256 stay with the reply, so a copy produced later can still be checked. Each purge
 * is audited; N replicas share the work (rows claimed with SKIP LOCKED). Uploads no reply took are
 * deleted after UNATTACHED_UPLOAD_GRACE_MS.
 */
@Injectable()
export class RespondentRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RespondentRetentionJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly attachments: AttachmentRepository,
    private readonly relay: OutboxRelay,
    @Inject(RETENTION_POLL_MS) private readonly pollMs: number,
    @Inject(DEADLINE_SCHEDULER_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => {
      if (!this.running) this.runDue().catch((error: unknown) => this.logger.error(`Respondent purge failed, will retry: ${String(error)}`));
    }, this.pollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Purges every complaint's respondent details that are due now; answers how many. */
  runDue(now: () => Date = () => new Date()): Promise<number> {
    this.running ??= this.purgeAll(now).finally(() => (this.running = null));
    return this.running;
  }

  private async purgeAll(now: () => Date): Promise<number> {
    const unattached = await this.dataSource.transaction((manager) =>
      this.attachments.deleteUnattachedBefore(manager, new Date(now().getTime() - UNATTACHED_UPLOAD_GRACE_MS)),
    );
    if (unattached) this.logger.log(`Deleted ${unattached} upload(s) no reply attached`);
    let purged = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const at = now();
        const c = await this.complaints.claimPurgeDue(manager, at);
        if (!c) return false;
        await this.complaints.purgeRespondent(manager, c.id, at);
        const attachmentsPurged = await this.attachments.purgeBytes(manager, c.id, at);
        await appendToOutbox<PressComplaintEvent>(manager, [
          { subject: EventSubjects.press.respondentPurged, aggregateId: aggregateOf(c), visibleTo: c.visible_agencies, data: complaintEvent(c), actor: null },
        ]);
        await appendAudit(manager, {
          actor: null,
          action: 'press.respondent.purged',
          targetType: 'press_complaint',
          targetId: c.id,
          summary: { status: c.status, attachmentsPurged },
        });
        return true;
      });
      if (!done) break;
      purged += 1;
    }
    if (purged) this.relay.kick();
    return purged;
  }
}
