import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { ErrorCodes, RpcSubjects, provinceDay, type RouteCaseRequest, type RouteCaseResponse } from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, RpcCallError, RpcClient, onDirectoryChanged, type MessagingOptions } from '@phoi-hop/messaging';
import { RoutingError, contextOfSnapshot, routeOn, type DayRoutingContext, type RoutingSnapshot } from '@phoi-hop/routing';
import { CaseError } from '../case/case.errors';

/** The longest a copy is used without asking the directory again (the directory's own snapshot refreshes as often). */
const MAX_AGE_MS = 30_000;

/**
 * Đ6, Đ7: routes reports with a copy of the rules and reference data in force today, read from the
 * directory (`directory.routing.snapshot`) and routed with the directory's own function
 * (`routeOn`, libs/routing), so that submitting a report is not a request to the directory each
 * time. The directory stays their owner: the copy is dropped when it announces a change (its
 * notice comes before the changer is answered), when the province day turns, and after 30 s.
 */
@Injectable()
export class DirectoryRouting implements OnModuleDestroy {
  private copy: { context: DayRoutingContext; loadedAt: number } | null = null;
  private loading: Promise<DayRoutingContext> | null = null;
  /** Bumped on every change notice: a copy read before it is not kept. */
  private generation = 0;
  private readonly subscriptions: Subscription[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.subscriptions = onDirectoryChanged(connection, options.subjectPrefix, () => this.invalidate());
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  invalidate(): void {
    this.generation++;
    this.copy = null;
    this.loading = null;
  }

  /** The answer `directory.case.route` would give; unknown codes are BAD_USER_INPUT on their field. */
  async route(request: RouteCaseRequest): Promise<RouteCaseResponse> {
    const context = await this.today();
    try {
      return routeOn(request, context);
    } catch (error) {
      if (error instanceof RoutingError) throw CaseError.badInput(error.field, error.message);
      throw error;
    }
  }

  private async today(): Promise<DayRoutingContext> {
    const copy = this.copy;
    if (copy && copy.context.day === provinceDay() && Date.now() - copy.loadedAt < MAX_AGE_MS) return copy.context;
    // Requests that arrive while the copy loads wait for that one load.
    let shared = this.loading;
    if (!shared) {
      const load = this.load();
      const clear = () => {
        if (this.loading === load) this.loading = null;
      };
      load.then(clear, clear);
      this.loading = shared = load;
    }
    try {
      return await shared;
    } catch (error) {
      // The load ran with another caller's credential: one that was refused says nothing of this caller's.
      if (error instanceof RpcCallError && (error.code === ErrorCodes.UNAUTHENTICATED || error.code === ErrorCodes.FORBIDDEN)) return this.load();
      throw error;
    }
  }

  private async load(): Promise<DayRoutingContext> {
    const generation = this.generation;
    const context = contextOfSnapshot(await this.rpc.request<RoutingSnapshot>(RpcSubjects.directory.routingSnapshot, {}));
    if (generation === this.generation) this.copy = { context, loadedAt: Date.now() };
    return context;
  }
}
