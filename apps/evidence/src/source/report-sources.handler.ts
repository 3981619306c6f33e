import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubjects, type CaseOpenedEvent, type EventEnvelope, type ReportAttachedEvent } from '@phoi-hop/contracts';
import type { DomainEventHandler } from '@phoi-hop/messaging';
import { PublicSourceRepository } from './public-source.repository';
import { deriveSource } from './public-source.rules';

/** Derives the public source of every reported URL (intake's events), linking the cases that show it. */
@Injectable()
export class ReportSourcesHandler implements DomainEventHandler {
  constructor(private readonly sources: PublicSourceRepository) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const { caseId, url, at } =
      envelope.type === EventSubjects.intake.caseOpened
        ? (({ case: kase, reportId }: CaseOpenedEvent) => ({ caseId: kase.id, url: kase.reports.find((r) => r.id === reportId)?.url ?? kase.reports[0]?.url, at: envelope.occurredAt }))(envelope.data as CaseOpenedEvent)
        : (({ caseId: id, report }: ReportAttachedEvent) => ({ caseId: id, url: report.url, at: report.submittedAt }))(envelope.data as ReportAttachedEvent);
    const source = url ? deriveSource(url) : null;
    if (!source) return;
    await this.sources.record(manager, source, caseId, envelope.visibleTo, new Date(at));
  }
}
