import { provinceDay, type ClaimReviewDto, type StatementStatus } from '@phoi-hop/contracts';
import { StatementError } from './statement.errors';

export type StatementCommand = 'EDIT' | 'PUBLISH' | 'CORRECT' | 'WITHDRAW';

/**
 * What each command does from each status: a draft is edited in place until it is published, once; a statement in the feed can
 * be corrected (again and again) or withdrawn; a withdrawn statement stays withdrawn.
 */
const TRANSITIONS: Record<StatementCommand, Partial<Record<StatementStatus, StatementStatus>>> = {
  EDIT: { DRAFT: 'DRAFT' },
  PUBLISH: { DRAFT: 'PUBLISHED' },
  CORRECT: { PUBLISHED: 'CORRECTED', CORRECTED: 'CORRECTED' },
  WITHDRAW: { PUBLISHED: 'WITHDRAWN', CORRECTED: 'WITHDRAWN' },
};

export function nextStatementStatus(status: StatementStatus, command: StatementCommand): StatementStatus {
  const next = TRANSITIONS[command][status];
  if (!next) throw StatementError.invalidState(`A statement that is ${status} cannot take ${command}`);
  return next;
}

/** A claim cannot have appeared after today (in the province). */
export function checkClaimReview(review: ClaimReviewDto | undefined, now: Date): ClaimReviewDto | null {
  if (!review) return null;
  if (review.firstAppearedOn > provinceDay(now)) throw StatementError.badInput('claimReview.firstAppearedOn', 'firstAppearedOn must not be in the future');
  return { claim: review.claim, appearanceUrl: review.appearanceUrl, firstAppearedOn: review.firstAppearedOn, rating: review.rating };
}

export interface StatementText {
  title: string;
  body: string;
  claimReview: ClaimReviewDto | null;
}

/** The text after a correction: what is given replaces what was; a correction must change something. */
export function correctedText(current: StatementText, change: { title?: string; body?: string; claimReview?: ClaimReviewDto | null }): StatementText {
  const next: StatementText = {
    title: change.title ?? current.title,
    body: change.body ?? current.body,
    claimReview: change.claimReview === undefined ? current.claimReview : change.claimReview,
  };
  if (JSON.stringify(next) === JSON.stringify(current))
    throw StatementError.badInput('body', 'A correction must change the title, the body or the claim review');
  return next;
}
