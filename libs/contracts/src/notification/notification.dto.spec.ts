import { contractProblem } from '../common/contract-validation';
import { CreateSubscriptionRequest, DeliveryListRequest } from './notification.dto';

describe('notification contracts', () => {
  it('accepts an e-mail subscription to some case events', async () => {
    expect(
      await contractProblem(CreateSubscriptionRequest, { channel: 'EMAIL', target: 'truc.ban@syt.quangbinh.gov.vn', eventTypes: ['evt.intake.case.opened'] }),
    ).toBeNull();
  });

  it.each<[new () => object, Record<string, unknown>, string]>([
    [CreateSubscriptionRequest, { channel: 'SMS', target: '0912345678' }, 'channel'],
    [CreateSubscriptionRequest, { channel: 'EMAIL', target: 'a@b.vn', agencyCode: 'syt' }, 'agencyCode'],
    [CreateSubscriptionRequest, { channel: 'EMAIL', target: 'x'.repeat(2_001) }, 'target'],
    [CreateSubscriptionRequest, { channel: 'EMAIL', target: 'a@b.vn', eventTypes: 'evt.intake.case.opened' }, 'eventTypes'],
    [DeliveryListRequest, { first: 10, status: 'DELIVERED' }, 'status'],
  ])('refuses %p %j', async (contract, input, field) => {
    expect(await contractProblem(contract, input)).toMatchObject({ field });
  });
});
