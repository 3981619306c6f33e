import type { CaseStatus } from '@phoi-hop/contracts';

/**
 * Statuses after which a case's evidence is kept only for the retention period (Law 91/2025 on
 * personal data: purpose-bound, kept no longer than needed). A merged case is not among them: its
 * evidence belongs to the case it was merged into, and is not purged on its own.
 */
const RETENTION_STATUSES: readonly CaseStatus[] = ['CLOSED', 'DISMISSED'];

export function startsRetention(status: CaseStatus): boolean {
  return RETENTION_STATUSES.includes(status);
}

/** When evidence of a case closed at `closedAt` may be purged. */
export function retentionEndsAt(closedAt: Date, retentionDays: number): Date {
  return new Date(closedAt.getTime() + retentionDays * 86_400_000);
}
