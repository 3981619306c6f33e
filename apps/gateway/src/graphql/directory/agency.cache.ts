import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { RpcSubjects, type AgencyDto } from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, onDirectoryChanged, type MessagingOptions } from '@phoi-hop/messaging';

const TTL_MS = 60_000;

/**
 * The agency list (reference data, readable by every signed-in user), kept for a minute so that
 * naming the participants of a case costs no NATS round trip; dropped at once when the directory
 * announces an edit or a reorganisation.
 */
@Injectable()
export class AgencyCache implements OnModuleDestroy {
  private agencies: Map<string, AgencyDto> | null = null;
  private loadedAt = 0;
  private loading: Promise<Map<string, AgencyDto>> | null = null;
  private readonly subscriptions: Subscription[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.subscriptions = onDirectoryChanged(connection, options.subjectPrefix, () => this.forget());
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** The next read loads the list again. */
  forget(): void {
    this.agencies = null;
    this.loadedAt = 0;
  }

  async getMany(codes: readonly string[], token: string): Promise<Array<AgencyDto | null>> {
    let agencies = await this.current(token);
    // A code we do not know may be a new agency: look once more before answering null.
    if (codes.some((code) => !agencies.has(code)) && Date.now() - this.loadedAt > 1000) agencies = await this.reload(token);
    return codes.map((code) => agencies.get(code) ?? null);
  }

  private current(token: string): Promise<Map<string, AgencyDto>> {
    if (this.agencies && Date.now() - this.loadedAt < TTL_MS) return Promise.resolve(this.agencies);
    return this.reload(token);
  }

  private reload(token: string): Promise<Map<string, AgencyDto>> {
    this.loading ??= this.rpc
      .request<AgencyDto[]>(RpcSubjects.directory.agencyList, {}, { token })
      .then((rows) => {
        this.agencies = new Map(rows.map((row) => [row.code, row]));
        this.loadedAt = Date.now();
        return this.agencies;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
