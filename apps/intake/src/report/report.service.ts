import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  RpcSubjects,
  type Actor,
  type PossibleDuplicateDto,
  type ReportAttachedEvent,
  type RouteCaseResponse,
  type SubmitReportRequest,
  type SubmitReportResponse,
} from '@phoi-hop/contracts';
import { OutboxRelay, RpcClient, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseOpener } from '../case/case-opener';
import { CaseError } from '../case/case.errors';
import { toCaseDto, toReportDto } from '../case/case.mapper';
import { CaseRepository } from '../case/case.repository';
import { decideDuplicate } from '../dedup/duplicate-policy';
import { decodeSignature, encodeSignature, estimateSimilarity, fingerprintText } from '../dedup/text-fingerprint';
import { ReportEntity } from './report.entity';
import { canonicalizeUrl, contentKeyOf } from './url-canonicalizer';

/** Reports dated more than this into the future are refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/** A signed 64-bit advisory-lock key from the first 16 hex digits of a SHA-256. */
function advisoryKeyOf(hex: string): string {
  return BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString();
}

/**
 * Đ4.1, Đ7.1: an agency reports harmful content. The report joins the open case about the same
 * content (same canonical URL, or near-duplicate text), or opens a new case routed by the directory.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly rpc: RpcClient,
    private readonly relay: OutboxRelay,
    private readonly opener: CaseOpener,
  ) {}

  async submit(actor: Actor, request: SubmitReportRequest): Promise<SubmitReportResponse> {
    const canonical = canonicalizeUrl(request.url);
    if (!canonical.ok) throw CaseError.badInput('url', canonical.message);
    const observedAt = this.parseObservedAt(request.observedAt);
    // Validates category, locality and sector and names the responsible agencies (Đ6).
    const routing = await this.rpc.request<RouteCaseResponse>(RpcSubjects.directory.caseRoute, {
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
    });

    const result = await this.dataSource.transaction(async (manager) => {
      await this.cases.lockContent(manager, [advisoryKeyOf(contentKey), ...fingerprint.bandKeys]);
      const candidates = (await this.cases.findCandidates(manager, contentKey, fingerprint.bandKeys)).map((row) => ({
        caseId: row.caseId,
        caseNumber: row.caseNumber,
        sameContentKey: row.sameContentKey,
        similarity: estimateSimilarity(fingerprint.signature, decodeSignature(row.minhash)),
      }));
      const verdict = decideDuplicate(candidates);
      if (verdict.kind === 'JOIN') {
        return this.attach(manager, report, verdict.caseId, verdict.similarity, now);
      }
      const numbers = new Map(candidates.map((c) => [c.caseId, c.caseNumber]));
      const suggestions = verdict.suggestions.map((s) => ({ caseId: s.caseId, number: numbers.get(s.caseId)!, similarity: round(s.similarity) }));
      return this.open(manager, report, routing, suggestions, now);
    });
    this.relay.kick();
    return result;
  }

  private async attach(manager: EntityManager, report: ReportEntity, caseId: string, similarity: number, now: Date): Promise<SubmitReportResponse> {
    report.caseId = caseId;
    report.similarity = round(similarity);
    await manager.insert(ReportEntity, report);
    await this.cases.indexBands(manager, report.id, report.bandKeys);
    const visibleTo = await this.cases.addVisibleAgency(manager, caseId, report.reporterAgencyCode, now);
    const loaded = (await this.cases.loadCase(manager, caseId))!;
    const caseDto = toCaseDto(loaded);
    await appendToOutbox<ReportAttachedEvent>(manager, [
      {
        subject: EventSubjects.intake.reportAttached,
        aggregateId: caseId,
        visibleTo,
        data: { caseId, caseNumber: caseDto.number, report: toReportDto(report), similarity: report.similarity },
      },
    ]);
    await this.audit(manager, caseDto.number, report, true);
    return { report: toReportDto(report), case: caseDto, merged: true };
  }

  private async open(manager: EntityManager, report: ReportEntity, routing: RouteCaseResponse, possibleDuplicates: PossibleDuplicateDto[], now: Date): Promise<SubmitReportResponse> {
    const { dto } = await this.opener.open(manager, { report, routing, possibleDuplicates, now, actorAgency: report.reporterAgencyCode });
    await this.audit(manager, dto.number, report, false);
    return { report: toReportDto(report), case: dto, merged: false };
  }

  /** The audit entry of a submission; its chain head lock is held until commit, so it is written last. */
  private audit(manager: EntityManager, caseNumber: string, report: ReportEntity, merged: boolean) {
    return appendAudit(manager, {
      actor: { userId: report.reporterUserId, agencyCode: report.reporterAgencyCode },
      action: merged ? 'report.attached' : 'case.opened',
      targetType: 'case',
      targetId: report.caseId,
      summary: { caseNumber, reportId: report.id, canonicalUrl: report.canonicalUrl, categoryCode: report.categoryCode },
    });
  }

  private parseObservedAt(value: string | undefined): Date | null {
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw CaseError.badInput('observedAt', 'observedAt must be an ISO 8601 date-time');
    if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw CaseError.badInput('observedAt', 'observedAt is in the future');
    return date;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
