import { Injectable } from '@nestjs/common';
import { SpanKind, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type Actor, type CaseDto, type ReportAttachedEvent, type RouteCaseResponse, type SubmitReportResponse } from '@phoi-hop/contracts';
import { OutboxRelay, type NewEvent } from '@phoi-hop/messaging';
import {
  IdempotencyConflictError,
  SqlBatch,
  addAuditEntries,
  addInsert,
  findIdempotentAnswers,
  idempotencySlot,
  isDeadlock,
  isIdempotencyKeyTaken,
  lockAuditHead,
  recordIdempotentAnswers,
  type AuditHead,
  type IdempotentRequest,
} from '@phoi-hop/persistence';
import { batchSize, withSpan } from '@phoi-hop/observability';
import { CaseOpener, type OpenedFor, type PreparedCase } from '../case/case-opener';
import type { CaseAccessFacts } from '../case/case-access';
import { accessFactsOf, toCaseDto, toReportDto } from '../case/case.mapper';
import { CaseRepository, type BatchCandidateRow, type CaseNumbers } from '../case/case.repository';
import { decideDuplicate, type DuplicateCandidate, type DuplicateVerdict } from '../dedup/duplicate-policy';
import { decodeSignature, estimateSimilarity, type TextFingerprint } from '../dedup/text-fingerprint';
import { ReportEntity } from './report.entity';

/**
 * The reports a submission's answer carries, the latest ones: a rumour reported thousands of
 * times would otherwise send its whole case back to every reporter (and through every hop).
 */
export const SUBMIT_ANSWER_REPORTS = 50;

/** A case opened earlier in the same batch, until it has its id. */
const BATCH_KEY = 'batch:';
/** Batches that read before locking; then the lock is taken first (see writeBatch). */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * A batch that takes the audit head first (after OPTIMISTIC_ATTEMPTS) locks it before the stored
 * cases it joins, the reverse of every other writer: Postgres then aborts one of the two, and the
 * batch is written again this many times before its requests fail.
 */
const DEADLOCK_RETRIES = 3;

/** Someone changed what the batch read before it held the lock: it starts again. */
class StaleRead extends Error {
  constructor() {
    super('The audit head moved since the batch read its candidates');
  }
}

/** A submission validated and routed, waiting to be written with the others that arrived with it. */
export interface Submission {
  report: ReportEntity;
  routing: RouteCaseResponse;
  contentKey: string;
  fingerprint: TextFingerprint;
  now: Date;
  /** The request's trace, so that its event and audit entry point to it whichever batch writes them. */
  trace: Context;
  openedFor: OpenedFor;
  /** The caller's idempotency key: a retry of a written submission is answered from the key table. */
  idempotency: IdempotentRequest | null;
  /** Who submitted it: the answer shows them the case as their agency may see it (need-to-know). */
  viewer: Actor;
}

/** A submission's answer, or the refusal of a key reused with another input. */
export type BatchAnswer = SubmitReportResponse | IdempotencyConflictError;

/** The operation name idempotency keys are recorded under. */
export const SUBMIT_OPERATION = 'intake.report.submit';
/** A batch whose key another replica recorded first is read again this many times. */
const KEY_TAKEN_ATTEMPTS = 2;

/** A report already placed in this batch: a later submission of the same content joins its case. */
interface PlacedInBatch {
  contentKey: string;
  bandKeys: Set<string>;
  signature: Uint32Array;
  /** The case it opened (a batch-local key until numbered) or joined. */
  caseKey: string;
}

/**
 * Writes submissions that arrived together (group commit): one transaction, one lock, one
 * statement per table and one audit append for the whole batch, decided in arrival order exactly
 * as if written one by one (a submission joins a case opened earlier in the same batch).
 */
@Injectable()
export class ReportBatchWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly relay: OutboxRelay,
    private readonly opener: CaseOpener,
  ) {}

  /**
   * Writes a batch of submissions in one transaction, deciding each in order. The batch reads and
   * decides without a lock, then takes the audit chain head, which every write that adds or moves
   * a report or changes a case also takes before it commits; if the head moved since the read,
   * someone committed such a write in between and the batch starts again. After a few such
   * collisions it takes the head first.
   */
  async writeBatch(batch: Submission[]): Promise<BatchAnswer[]> {
    return withSpan(
      'intake.report.batch',
      SpanKind.INTERNAL,
      { 'batch.size': batch.length },
      async (span) => {
        let keyTaken = 0;
        let deadlocks = 0;
        for (let attempt = 1; ; attempt++) {
          const lockFirst = attempt > OPTIMISTIC_ATTEMPTS;
          try {
            const results = await this.dataSource.transaction((manager) => this.writeOnce(manager, batch, lockFirst));
            span.setAttribute('batch.attempts', attempt);
            this.relay.kick();
            return results;
          } catch (error) {
            // Another replica recorded one of the batch's keys first: read again, that submission is then a replay.
            if (isIdempotencyKeyTaken(error) && keyTaken++ < KEY_TAKEN_ATTEMPTS) continue;
            if (isDeadlock(error) && deadlocks++ < DEADLOCK_RETRIES) {
              batchSize().observe({ service: 'intake', queue: 'report.submit', outcome: 'deadlock' }, batch.length);
              continue;
            }
            if (!(error instanceof StaleRead) || lockFirst) throw error;
            batchSize().observe({ service: 'intake', queue: 'report.submit', outcome: 'stale' }, batch.length);
          }
        }
      },
      batch[0]!.trace,
    );
  }

  /**
   * Writes the batch once: submissions whose key is stored (or taken by an earlier submission of
   * the same batch) are answered from it and write nothing; the others are written together with
   * their keys and answers, in the same transaction.
   */
  private async writeOnce(manager: EntityManager, batch: Submission[], lockFirst: boolean): Promise<BatchAnswer[]> {
    const keyed = batch.flatMap((s) => (s.idempotency ? [s.idempotency] : []));
    const stored = await findIdempotentAnswers<SubmitReportResponse>(manager, keyed);
    const answers: Array<BatchAnswer | undefined> = batch.map((s) => (s.idempotency ? stored.get(s.idempotency) : undefined));
    // Within the batch, a later submission with an earlier one's key is that submission's retry.
    const firstOfSlot = new Map<string, number>();
    const sameAs = new Map<number, number>();
    batch.forEach((submission, index) => {
      if (!submission.idempotency || answers[index]) return;
      const slot = idempotencySlot(submission.idempotency);
      const first = firstOfSlot.get(slot);
      if (first === undefined) firstOfSlot.set(slot, index);
      else if (batch[first]!.idempotency!.fingerprint !== submission.idempotency.fingerprint) answers[index] = new IdempotencyConflictError(SUBMIT_OPERATION);
      else sameAs.set(index, first);
    });
    const freshIndexes = batch.flatMap((_, index) => (answers[index] || sameAs.has(index) ? [] : [index]));
    if (freshIndexes.length > 0) {
      const fresh = freshIndexes.map((index) => batch[index]!);
      const written = (await this.writeFresh(manager, fresh, lockFirst)).map((answer) => ({ ...answer, case: latestReportsOnly(answer.case) }));
      written.forEach((answer, i) => (answers[freshIndexes[i]!] = answer));
      await recordIdempotentAnswers(
        manager,
        fresh.flatMap((submission, i) => (submission.idempotency ? [{ request: submission.idempotency, response: written[i]! }] : [])),
      );
    }
    for (const [index, first] of sameAs) answers[index] = answers[first];
    return answers.map((answer) => answer!);
  }

  private async writeFresh(manager: EntityManager, batch: Submission[], lockFirst: boolean): Promise<SubmitReportResponse[]> {
    const headFirst = lockFirst ? await lockAuditHead(manager) : null;
    const read = await this.cases.findCandidatesOfMany(
      manager,
      batch.map((s) => ({ contentKey: s.contentKey, bandKeys: s.fingerprint.bandKeys })),
    );
    const { verdicts, numbers } = decideInOrder(batch, read.rows);
    const responses: SubmitReportResponse[] = [];
    const attachedEvents: NewEvent<ReportAttachedEvent>[] = [];
    const joins = batch.flatMap((submission, index) => {
      const verdict = verdicts[index]!;
      if (verdict.kind !== 'JOIN') return [];
      submission.report.similarity = round(verdict.similarity);
      return [{ index, submission, caseKey: verdict.caseId }];
    });

    // Reports joining stored cases first, in one statement: they lock those cases' rows before the
    // audit head, in the order every other writer takes them. Each case is then loaded once.
    const toStored = joins.filter((j) => !j.caseKey.startsWith(BATCH_KEY));
    if (toStored.length > 0) {
      const reports = toStored.map((j) => Object.assign(j.submission.report, { caseId: j.caseKey }));
      const agencies = new Map<string, string[]>();
      for (const r of reports) agencies.set(r.caseId, [...(agencies.get(r.caseId) ?? []), r.reporterAgencyCode]);
      const write = new SqlBatch();
      addInsert(write, manager, ReportEntity, reports);
      this.cases.addBandIndex(write, reports);
      this.cases.addVisibleAgencies(write, agencies, toStored[0]!.submission.now);
      await write.execute(manager);
      const loaded = await this.cases.loadCases(manager, [...agencies.keys()]);
      for (const { index, submission } of toStored) {
        const kase = loaded.get(submission.report.caseId)!;
        const caseDto = toCaseDto(kase, { viewer: submission.viewer });
        responses[index] = { report: toReportDto(submission.report), case: caseDto, merged: true };
        attachedEvents.push(attachedEvent(submission, caseDto.number, seesReportsOf(kase.entity.visibleAgencies, accessFactsOf(kase), submission.report)));
      }
    }

    // New cases are numbered in arrival order, once the head is held (in the same round trip when nothing moved).
    const years = batch.filter((_, i) => verdicts[i]!.kind === 'NEW').map((s) => s.now.getUTCFullYear());
    let head: AuditHead;
    let numbering: CaseNumbers;
    if (headFirst) {
      head = headFirst;
      numbering = await this.cases.takeNumbers(manager, years);
    } else {
      const locked = await this.cases.lockAuditHeadAndNumber(manager, read.auditSeq, years);
      if (!locked.numbers) throw new StaleRead();
      head = locked.head;
      numbering = locked.numbers;
    }
    const realIds = new Map<string, string>();
    const opened = new Map<number, PreparedCase>();
    batch.forEach((submission, index) => {
      const verdict = verdicts[index]!;
      if (verdict.kind !== 'NEW') return;
      const possibleDuplicates = verdict.suggestions.map((s) => {
        const caseId = realIds.get(s.caseId) ?? s.caseId;
        return { caseId, number: numbers.get(caseId)!, similarity: round(s.similarity) };
      });
      const prepared = this.opener.prepare(
        { report: submission.report, routing: submission.routing, possibleDuplicates, now: submission.now, actorAgency: submission.report.reporterAgencyCode },
        numbering.get(submission.now.getUTCFullYear())!.shift()!,
        submission.openedFor,
      );
      realIds.set(`${BATCH_KEY}${index}`, prepared.entity.id);
      numbers.set(prepared.entity.id, prepared.entity.number);
      opened.set(index, prepared);
    });
    // Reports joining a case opened above: the case gets their agencies before it is written.
    const toOpened = joins.filter((j) => j.caseKey.startsWith(BATCH_KEY));
    const joinedReports = new Map<PreparedCase, ReportEntity[]>();
    for (const { submission, caseKey } of toOpened) {
      const prepared = opened.get(Number(caseKey.slice(BATCH_KEY.length)))!;
      submission.report.caseId = prepared.entity.id;
      if (!prepared.entity.visibleAgencies.includes(submission.report.reporterAgencyCode))
        prepared.entity.visibleAgencies.push(submission.report.reporterAgencyCode);
      joinedReports.set(prepared, [...(joinedReports.get(prepared) ?? []), submission.report]);
    }
    for (const { index, submission } of toOpened) {
      const prepared = [...joinedReports.keys()].find((p) => p.entity.id === submission.report.caseId)!;
      const caseDto = this.opener.dtoWithReports(prepared, [prepared.report, ...joinedReports.get(prepared)!], submission.viewer);
      responses[index] = { report: toReportDto(submission.report), case: caseDto, merged: true };
      const facts = accessFactsOf({ ...prepared.shown, entity: prepared.entity, participants: prepared.participants, reports: [prepared.report] });
      attachedEvents.push(attachedEvent(submission, caseDto.number, seesReportsOf(prepared.entity.visibleAgencies, facts, submission.report)));
    }
    for (const [index, prepared] of opened) responses[index] = { report: toReportDto(batch[index]!.report), case: prepared.dto, merged: false };

    // The new cases, the reports joining them, every event and every audit entry of the batch, in arrival order, in one statement.
    const writes = this.opener.addWrites(new SqlBatch(), manager, [...opened.values()], attachedEvents);
    const joined = toOpened.map((j) => j.submission.report);
    addInsert(writes, manager, ReportEntity, joined);
    this.cases.addBandIndex(writes, joined);
    addAuditEntries(
      writes,
      head,
      batch.map((submission, index) => ({
        actor: submission.openedFor.actor,
        action: opened.has(index) ? 'case.opened' : 'report.attached',
        targetType: 'case',
        targetId: submission.report.caseId,
        summary: {
          caseNumber: numbers.get(submission.report.caseId)!,
          reportId: submission.report.id,
          canonicalUrl: submission.report.canonicalUrl,
          categoryCode: submission.report.categoryCode,
        },
        traceId: trace.getSpanContext(submission.trace)?.traceId ?? null,
      })),
    );
    await writes.execute(manager);
    return responses;
  }
}

/** A case with only its latest reports, and how many it has. */
function latestReportsOnly(dto: CaseDto): CaseDto {
  if (dto.reports.length <= SUBMIT_ANSWER_REPORTS) return dto;
  return { ...dto, reports: dto.reports.slice(-SUBMIT_ANSWER_REPORTS), reportCount: dto.reportCount ?? dto.reports.length };
}

/** The `report.attached` event of a submission that joined a case. */
/**
 * Who is told of a report joining a case: the agencies responsible for the case and the report's
 * own agency; an agency that only reported the same content does not see other agencies' reports.
 */
function seesReportsOf(visibleAgencies: readonly string[], facts: CaseAccessFacts, report: ReportEntity): string[] {
  const responsible = new Set([...facts.participants.map((p) => p.agencyCode), ...facts.actions.map((a) => a.assigneeAgencyCode)]);
  return visibleAgencies.filter((agency) => responsible.has(agency) || agency === report.reporterAgencyCode);
}

function attachedEvent(submission: Submission, caseNumber: string, visibleTo: string[]): NewEvent<ReportAttachedEvent> {
  const { report } = submission;
  return {
    subject: EventSubjects.intake.reportAttached,
    aggregateId: report.caseId,
    visibleTo: [...visibleTo],
    data: { caseId: report.caseId, caseNumber, report: toReportDto(report), similarity: report.similarity! },
    ...submission.openedFor,
  };
}

/**
 * Decides each submission in arrival order against the stored reports and the ones placed before
 * it in the same batch (a later report of the same content joins the case an earlier one opens:
 * the batch-local key `batch:<index>` until that case is written). Also gives the numbers of the
 * stored cases found.
 */
function decideInOrder(batch: Submission[], rows: BatchCandidateRow[]): { verdicts: DuplicateVerdict[]; numbers: Map<string, string> } {
  const stored = rows.map((row) => ({ row, bandKeys: new Set(row.bandKeys), signature: decodeSignature(row.minhash) }));
  const placed: PlacedInBatch[] = [];
  const verdicts = batch.map((submission, index) => {
    const candidates = [
      ...stored
        .filter((c) => sameContent(submission, c.row.contentKey, c.bandKeys))
        .map((c) => candidateOf(submission, c.row.caseId, c.row.contentKey, c.signature)),
      ...placed.filter((p) => sameContent(submission, p.contentKey, p.bandKeys)).map((p) => candidateOf(submission, p.caseKey, p.contentKey, p.signature)),
    ];
    const verdict = decideDuplicate(candidates, submission.fingerprint);
    placed.push({
      contentKey: submission.contentKey,
      bandKeys: new Set(submission.fingerprint.bandKeys),
      signature: submission.fingerprint.signature,
      caseKey: verdict.kind === 'JOIN' ? verdict.caseId : `${BATCH_KEY}${index}`,
    });
    return verdict;
  });
  return { verdicts, numbers: new Map(stored.map((c) => [c.row.caseId, c.row.caseNumber])) };
}

/** Whether a report (by content key and band keys) may be the same content as a submission. */
function sameContent(submission: Submission, contentKey: string, bandKeys: Set<string>): boolean {
  return contentKey === submission.contentKey || submission.fingerprint.bandKeys.some((key) => bandKeys.has(key));
}

function candidateOf(submission: Submission, caseId: string, contentKey: string, signature: Uint32Array): DuplicateCandidate {
  return { caseId, sameContentKey: contentKey === submission.contentKey, similarity: estimateSimilarity(submission.fingerprint.signature, signature) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
