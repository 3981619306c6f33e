import type { ReportingConfig } from '../config/reporting.config';

/**
 * The reporting service's settings for tests that boot it whole beside a test environment's base
 * settings (`env.serviceConfig('reporting')`): no timers (the digest poller, the deadline scheduler)
 * unless asked, feeds fetched as in production (no private addresses), a fixed link secret.
 * `overrides` replaces what a test needs otherwise (the relay, the read-model consumer, messaging).
 */
export function reportingTestConfig(
  base: Omit<ReportingConfig, 'digest' | 'schedulerEnabled' | 'deadlines' | 'reportLeadAgencyCode' | 'outboxRelayEnabled' | 'readModelConsumerEnabled'>,
  overrides: Partial<ReportingConfig> = {},
): ReportingConfig {
  return {
    ...base,
    outboxRelayEnabled: true,
    readModelConsumerEnabled: true,
    digest: {
      allowPrivateAddresses: false,
      fetchTimeoutMs: 5_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
      pollerEnabled: false,
      tickMs: 60_000,
      publicUrl: null,
      linkSecret: 'reporting-test-link-secret-'.padEnd(40, 'x'),
    },
    schedulerEnabled: false,
    deadlines: { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 60_000 },
    reportLeadAgencyCode: 'STTTT',
    ...overrides,
  };
}
