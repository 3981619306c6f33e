import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { ErrorCodes, RpcSubjects, type CaseDto, type PressRuleDto, type ReferenceDataDto } from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, RpcCallError, RpcClient, onDirectoryChanged, type MessagingOptions } from '@phoi-hop/messaging';
import { PressError } from '../complaint/press.errors';

const CACHE_MS = 60_000;

/**
 * What the press service reads of other services, as the caller: the directory's reference data
 * (the press rules in force on a day, the public holidays) and intake's cases. The directory's
 * answers are kept a minute, and dropped at once when the directory announces a change (an
 * administrator's edit of a press rule or a holiday counts in the next reply window computed).
 */
@Injectable()
export class PressReference implements OnModuleDestroy {
  private readonly cache = new Map<string, { at: number; data: Promise<ReferenceDataDto> }>();
  private readonly subscriptions: Subscription[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.subscriptions = onDirectoryChanged(connection, options.subjectPrefix, () => this.cache.clear());
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private referenceOn(day: string): Promise<ReferenceDataDto> {
    const hit = this.cache.get(day);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.data;
    const data = this.rpc.request<ReferenceDataDto>(RpcSubjects.directory.referenceData, { asOf: day });
    const entry = { at: Date.now(), data };
    this.cache.set(day, entry);
    data.catch(() => {
      if (this.cache.get(day) === entry) this.cache.delete(day);
    });
    return data;
  }

  /** The press rules in force on `day` (the day the article was published: it is judged by the rules of its time). */
  async rulesOn(day: string): Promise<PressRuleDto[]> {
    return (await this.referenceOn(day)).pressRules ?? [];
  }

  /** Checks that every code names a rule in force on `day`; answers those rules. */
  async knownRules(codes: readonly string[], day: string, field = 'ruleCodes'): Promise<PressRuleDto[]> {
    const rules = await this.rulesOn(day);
    const unknown = codes.filter((code) => !rules.some((r) => r.code === code));
    if (unknown.length) throw PressError.badInput(field, `Unknown press rule${unknown.length > 1 ? 's' : ''} on ${day}: ${unknown.join(', ')}`);
    return codes.map((code) => rules.find((r) => r.code === code)!);
  }

  async holidays(day: string): Promise<Set<string>> {
    return new Set(((await this.referenceOn(day)).publicHolidays ?? []).map((h) => h.day));
  }

  /** The case as intake shows it to the caller (NOT_FOUND when the caller may not see it). */
  async visibleCase(caseId: string, field = 'caseId'): Promise<CaseDto> {
    try {
      return await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId });
    } catch (error) {
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || error.code === ErrorCodes.FORBIDDEN))
        throw new PressError(ErrorCodes.NOT_FOUND, 'Case not found', field);
      throw error;
    }
  }
}

/** Every agency that may see the case. */
export function caseAgencies(kase: CaseDto): string[] {
  return [...new Set([kase.reporterAgencyCode, ...kase.participants.map((p) => p.agencyCode), ...kase.reports.map((r) => r.reporterAgencyCode)])];
}
