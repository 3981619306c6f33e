import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RpcSubjects, type Actor, type AgencyDto, type CreateSubscriptionRequest, type CreateSubscriptionResponse, type SubscriptionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { appendAudit, findIdempotentAnswer, idempotentRequestOf, runIdempotent } from '@phoi-hop/persistence';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { actingAgency, mayManage } from './agency-scope';
import { targetProblem, unknownEventTypes } from './subscription-rules';
import { NotificationError } from './subscription.errors';
import { SubscriptionRepository, toSubscriptionDto } from './subscription.repository';

@Injectable()
export class SubscriptionService {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** Creates a subscription, audited in the same transaction; a webhook's secret is returned this once. */
  async create(actor: Actor, request: CreateSubscriptionRequest): Promise<CreateSubscriptionResponse> {
    // The webhook secret is stored with the subscription (it signs every delivery), so a retry's replay may show it again.
    const idempotency = idempotentRequestOf(actor.userId, 'notification.subscription.create', request);
    const prior = await findIdempotentAnswer<CreateSubscriptionResponse>(this.dataSource.manager, idempotency);
    if (prior) return prior;
    const agencyCode = actingAgency(actor, request.agencyCode);
    const target = request.channel === 'EMAIL' ? request.target.trim().toLowerCase() : request.target.trim();
    const problem = targetProblem(request.channel, target);
    if (problem) throw NotificationError.badInput('target', problem);
    const eventTypes = [...new Set(request.eventTypes ?? [])];
    const unknown = unknownEventTypes(eventTypes);
    if (unknown.length > 0) throw NotificationError.badInput('eventTypes', `Not a case event one can subscribe to: ${unknown.join(', ')}`);
    if (agencyCode !== actor.agencyCode) await this.requireKnownAgency(agencyCode);
    const secret = request.channel === 'WEBHOOK' ? newWebhookSecret() : null;
    const answer = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      const created = await this.subscriptions.insert(manager, { id: randomUUID(), agencyCode, channel: request.channel, target, eventTypes, secret, createdBy: actor.userId });
      await appendAudit(manager, {
        actor,
        action: 'notification-subscription.created',
        targetType: 'agency',
        targetId: agencyCode,
        // The audit records the subscription, never its secret.
        summary: { subscription: toSubscriptionDto(created) },
      });
      return { subscription: toSubscriptionDto(created), secret };
    });
    this.logger.log(`Subscription ${answer.subscription.id} created for ${agencyCode} (${answer.subscription.channel})`);
    return answer;
  }

  async list(actor: Actor, requested: string | undefined): Promise<SubscriptionDto[]> {
    const agencyCode = actingAgency(actor, requested);
    return (await this.subscriptions.listForAgency(agencyCode)).map(toSubscriptionDto);
  }

  async revoke(actor: Actor, id: string): Promise<SubscriptionDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.subscriptions.lockById(manager, id);
      if (!current || !mayManage(actor, current.agency_code)) throw NotificationError.notFound('Subscription');
      if (!current.active) throw NotificationError.invalidState('The subscription is already revoked');
      const revoked = await this.subscriptions.revoke(manager, id, actor.userId);
      await appendAudit(manager, {
        actor,
        action: 'notification-subscription.revoked',
        targetType: 'agency',
        targetId: current.agency_code,
        summary: { subscriptionId: id },
      });
      return toSubscriptionDto(revoked);
    });
  }

  private async requireKnownAgency(agencyCode: string): Promise<void> {
    const agencies = await this.rpc.request<AgencyDto[]>(RpcSubjects.directory.agencyGetMany, { codes: [agencyCode] });
    if (!agencies.some((agency) => agency.code === agencyCode)) throw NotificationError.badInput('agencyCode', `Unknown agency ${agencyCode}`);
  }
}
