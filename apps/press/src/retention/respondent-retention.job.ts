import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, type PressComplaintEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, appendAudit } from '@phoi-hop/persistence';
import { ComplaintRepository } from '../complaint/complaint.repository';
import { aggregateOf, complaintEvent } from '../complaint/complaint.service';

export const RETENTION_POLL_MS = Symbol('RETENTION_POLL_MS');

/**
 * The retention policy of respondent details (personal-data law: minimal, purpose-bound): once a
 * complaint is over (inadmissible, closed, or ruled with the appeal time passed), the journalist's
 * and editor's names and work contacts are deleted. Each purge is audited; N replicas share the work
 * (rows claimed with SKIP LOCKED).
 */
@Injectable()
export class RespondentRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RespondentRetentionJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
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
    let purged = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const at = now();
        const c = await this.complaints.claimPurgeDue(manager, at);
        if (!c) return false;
        await this.complaints.purgeRespondent(manager, c.id, at);
        await appendToOutbox<PressComplaintEvent>(manager, [
          { subject: EventSubjects.press.respondentPurged, aggregateId: aggregateOf(c), visibleTo: c.visible_agencies, data: complaintEvent(c), actor: null },
        ]);
        await appendAudit(manager, {
          actor: null,
          action: 'press.respondent.purged',
          targetType: 'press_complaint',
          targetId: c.id,
          summary: { status: c.status },
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
