import { SeededUsers } from '@phoi-hop/testing';
import { NO_ID, admin, refuse, BAD, viewer, type MutationEntry } from './harness';

/** Subscriptions and deliveries (notification). */
export const NOTIFICATION_MUTATIONS: Record<string, MutationEntry> = {
  createNotificationSubscription: {
    document: `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { subscription { id target } } }`,
    cases: [
      { name: 'a channel that does not exist', variables: () => ({ i: { channel: 'SMS', target: 'dieuphoi@stttt.quangbinh.gov.vn' } }), expect: BAD('channel'), watch: () => viewer('{ notificationSubscriptions { id active } }', {}) },
      { name: 'an e-mail that is no e-mail', variables: () => ({ i: { channel: 'EMAIL', target: '<script>alert(1)</script>' } }), expect: BAD('target') },
      { name: 'a webhook that is not https', variables: () => ({ i: { channel: 'WEBHOOK', target: 'http://example.vn/hook' } }), expect: BAD('target') },
      { name: 'a NUL byte in the target', variables: () => ({ i: { channel: 'EMAIL', target: 'a\u0000b@stttt.quangbinh.gov.vn' } }), expect: BAD('target') },
      { name: 'a target over 2,000 characters', variables: () => ({ i: { channel: 'WEBHOOK', target: `https://example.vn/${'a'.repeat(2_001)}` } }), expect: BAD('target') },
      { name: 'an event that does not exist', variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', eventTypes: ['evt.intake.case.exploded'] } }), expect: BAD('eventTypes') },
      { name: 'an agency that does not exist', as: admin, variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', agencyCode: 'GHOST_AGENCY' } }), expect: BAD('agencyCode') },
      { name: 'event types of the wrong type', variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', eventTypes: [{ a: 1 }] } }), expect: BAD() },
    ],
  },

  revokeNotificationSubscription: {
    document: `mutation($id: ID!) { revokeNotificationSubscription(id: $id) { id active } }`,
    cases: [
      { name: 'an id of the wrong type', variables: () => ({ id: 3.14 }), expect: BAD() },
      { name: 'an unknown subscription', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', variables: () => ({ id: '../../etc/passwd' }), expect: BAD('id') },
      { name: 'revoked twice', variables: (w) => ({ id: w.revokedSubscription }), expect: refuse('INVALID_STATE'), watch: () => viewer('{ notificationSubscriptions { id active revokedAt } }', {}) },
      { name: 'another agency’s subscription', as: SeededUsers.caOfficer, variables: (w) => ({ id: w.subscription }), expect: refuse('NOT_FOUND'), watch: () => viewer('{ notificationSubscriptions { id active revokedAt } }', {}) },
    ],
  },

  replayDelivery: {
    document: `mutation($id: ID!) { replayDelivery(id: $id) { id status } }`,
    cases: [
      { name: 'an id of the wrong type', variables: () => ({ id: false }), expect: BAD() },
      { name: 'an unknown delivery', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', variables: () => ({ id: 'null' }), expect: BAD('id') },
      { name: 'a delivery that is not dead', variables: (w) => ({ id: w.delivery }), expect: refuse('INVALID_STATE') },
      { name: 'another agency’s delivery', as: SeededUsers.caOfficer, variables: (w) => ({ id: w.delivery }), expect: refuse('NOT_FOUND') },
    ],
  },
};
