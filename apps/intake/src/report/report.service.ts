import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { context as otelContext } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { mayClaimReportChannel } from '@phoi-hop/auth';
import { DEFAULT_REPORT_CHANNEL, canonicalizeUrl, contentKeyOf, type Actor, type SubmitReportRequest, type SubmitReportResponse } from '@phoi-hop/contracts';
import { traceHeadersOf } from '@phoi-hop/messaging';
import { GroupCommitQueue, IdempotencyConflictError, findIdempotentAnswer, idempotentRequestOf, purgeExpiredIdempotencyKeys } from '@phoi-hop/persistence';
import { batchSize } from '@phoi-hop/observability';
import { CaseError } from '../case/case.errors';
import { CaseRepository, INTAKE_SETTINGS, type IntakeSettings } from '../case/case.repository';
import { encodeSignature, fingerprintText } from '../dedup/text-fingerprint';
import { DirectoryRouting } from '../routing/directory-routing';
import { ReportBatchWriter, SUBMIT_OPERATION, type BatchAnswer, type Submission } from './report-batch.writer';
import { ReportEntity } from './report.entity';

export { SUBMIT_ANSWER_REPORTS } from './report-batch.writer';

/** Reports dated more than this into the future are refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/**
 * Đ4.1, Đ7.1: an agency reports harmful content. The report joins the open case about the same
 * content (same canonical URL, or near-duplicate text), or opens a new case routed by the directory.
 *
 * This service validates, routes and builds a submission; submissions that arrive while others are
 * being written are written together by the ReportBatchWriter (group commit). A lone submission is
 * written at once.
 */
@Injectable()
export class ReportService {
  private readonly queue: GroupCommitQueue<Submission, BatchAnswer>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly routing: DirectoryRouting,
    writer: ReportBatchWriter,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
  ) {
    this.queue = new GroupCommitQueue(
      (batch) => writer.writeBatch(batch),
      { maxBatch: settings.submitBatchMax ?? 64 },
      (size, outcome) => batchSize().observe({ service: 'intake', queue: 'report.submit', outcome }, size),
    );
  }

  async submit(actor: Actor, request: SubmitReportRequest): Promise<SubmitReportResponse> {
    // A retry of a written submission gets its first answer, whatever has changed since.
    const idempotency = idempotentRequestOf(actor.userId, SUBMIT_OPERATION, request);
    if (idempotency) {
      void purgeExpiredIdempotencyKeys(this.dataSource).catch(() => undefined);
      const prior = await findIdempotentAnswer<SubmitReportResponse>(this.dataSource.manager, idempotency);
      if (prior) return prior;
    }
    const channel = request.channel ?? DEFAULT_REPORT_CHANNEL;
    if (!mayClaimReportChannel(actor, channel))
      throw CaseError.forbiddenField('channel', `Only the lead agency's coordinators may report by the ${channel} channel (Đ6.1)`);
    const canonical = canonicalizeUrl(request.url);
    if (!canonical.ok) throw CaseError.badInput('url', canonical.message);
    const observedAt = this.parseObservedAt(request.observedAt);
    // Validates category, locality and sector and names the responsible agencies (Đ6).
    const routing = await this.routing.route({
      categoryCode: request.categoryCode,
      ...(request.localityCode ? { localityCode: request.localityCode } : {}),
      ...(request.sectorCode ? { sectorCode: request.sectorCode } : {}),
      text: request.excerpt,
    });
    const contentKey = contentKeyOf(canonical.url);
    const fingerprint = fingerprintText(request.excerpt);
    const now = new Date();
    await this.cases.ensureYearSequence(now.getUTCFullYear());
    const report: ReportEntity = Object.assign(new ReportEntity(), {
      id: randomUUID(),
      caseId: '',
      url: request.url.trim(),
      canonicalUrl: canonical.url,
      contentKey,
      excerpt: request.excerpt,
      categoryCode: request.categoryCode,
      localityCode: request.localityCode ?? null,
      sectorCode: request.sectorCode ?? null,
      observedAt,
      note: request.note ?? null,
      reporterAgencyCode: actor.agencyCode,
      reporterUserId: actor.userId,
      submittedAt: now,
      minhash: encodeSignature(fingerprint.signature),
      bandKeys: fingerprint.bandKeys,
      similarity: null,
      estimatedReach: request.estimatedReach ?? null,
      channel,
    });
    const active = otelContext.active();
    const answer = await this.queue.submit({
      report,
      routing,
      contentKey,
      fingerprint,
      now,
      trace: active,
      openedFor: { actor: { userId: actor.userId, agencyCode: actor.agencyCode }, traceHeaders: traceHeadersOf(active) },
      idempotency,
      viewer: actor,
    });
    if (answer instanceof IdempotencyConflictError) throw answer;
    return answer;
  }

  private parseObservedAt(value: string | undefined): Date | null {
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw CaseError.badInput('observedAt', 'observedAt must be an ISO 8601 date-time');
    if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw CaseError.badInput('observedAt', 'observedAt is in the future');
    return date;
  }
}
