import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import { PageRequest } from '../common/page';

// Đ6.6–6.7: agencies' spokespersons publish clarifications of the false information a case is about
// (Decree 09/2017 on press statements); the platform serves them as an Atom feed to the provincial
// portal and the press organs, and as schema.org ClaimReview for fact-checkers' tools.

/**
 * The stages of a statement. DRAFT: seen by its agency only. PUBLISHED: in the feed. CORRECTED:
 * published, and its text corrected at least once (still in the feed, every earlier text kept).
 * WITHDRAWN: taken out of the feed (final); its texts stay on record.
 */
export const StatementStatuses = ['DRAFT', 'PUBLISHED', 'CORRECTED', 'WITHDRAWN'] as const;
export type StatementStatus = (typeof StatementStatuses)[number];

/** The statuses a statement is in the feed with. */
export const FEED_STATEMENT_STATUSES: readonly StatementStatus[] = ['PUBLISHED', 'CORRECTED'];

/**
 * How true the claim a statement answers is, on a 1–5 scale (FALSE = 1 … TRUE = 5): the
 * ClaimReview's `reviewRating.ratingValue`, with the Vietnamese label as `alternateName`.
 */
export const ClaimRatings = ['FALSE', 'MOSTLY_FALSE', 'MISLEADING', 'MOSTLY_TRUE', 'TRUE'] as const;
export type ClaimRating = (typeof ClaimRatings)[number];

const STATEMENT_ID = { message: 'statementId must be a statement id' };
const NOT_BLANK = /\S/;

/** The false claim a statement answers: what ClaimReview JSON-LD is made from. */
export class ClaimReviewFields {
  /** The claim, in a sentence, as it circulated. */
  @IsString()
  @MinLength(10, { message: 'claimReview.claim must state the claim (at least 10 characters)' })
  @Matches(NOT_BLANK, { message: 'claimReview.claim must not be blank' })
  @MaxLength(1_000)
  claim!: string;

  /** A public page where the claim appeared (the public source, never a person). */
  @IsString()
  @MaxLength(2_048)
  @Matches(/^https?:\/\/\S+$/i, { message: 'claimReview.appearanceUrl must be an http(s) address' })
  appearanceUrl!: string;

  /** The day the claim first appeared, as far as known (not in the future). */
  @IsCalendarDay()
  firstAppearedOn!: string;

  @IsIn(ClaimRatings, { message: `claimReview.rating must be one of ${ClaimRatings.join(', ')}` })
  rating!: ClaimRating;
}

/** `press.statement.draft`: a spokesperson drafts a statement of the agency on one or more cases. */
export class DraftStatementRequest {
  /** The cases it clarifies; the agency must take part in each. */
  @IsArray()
  @ArrayMinSize(1, { message: 'a statement is about at least one case' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'caseIds must be case ids' })
  caseIds!: string[];

  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(300)
  title!: string;

  @IsString()
  @MinLength(20, { message: 'body must be the statement (at least 20 characters)' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  @MaxLength(50_000)
  body!: string;

  /** When the statement answers a false claim. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimReviewFields)
  claimReview?: ClaimReviewFields;
}

/** What an update of a draft and a correction may change in a statement; what is left out stays as it was. */
abstract class StatementTextChange {
  @IsUUID('all', STATEMENT_ID)
  statementId!: string;

  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(300)
  title?: string;

  @IsOptional()
  @IsString()
  @MinLength(20, { message: 'body must be the statement (at least 20 characters)' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  @MaxLength(50_000)
  body?: string;

  /** On a draft, null removes the claim review; on a correction, null keeps it as published. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimReviewFields)
  claimReview?: ClaimReviewFields | null;
}

/** `press.statement.update-draft`: the agency changes its draft; what is given replaces what was (claimReview null: none). */
export class UpdateStatementDraftRequest extends StatementTextChange {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'a statement is about at least one case' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'caseIds must be case ids' })
  caseIds?: string[];
}

export class PublishStatementRequest {
  @IsUUID('all', STATEMENT_ID)
  statementId!: string;
}

/** `press.statement.correct`: a published statement gets a corrected text; the earlier one is kept. */
export class CorrectStatementRequest extends StatementTextChange {
  /** What was corrected and why (shown with the corrected text). */
  @IsString()
  @MinLength(10, { message: 'note must say what was corrected (at least 10 characters)' })
  @Matches(NOT_BLANK, { message: 'note must not be blank' })
  @MaxLength(2_000)
  note!: string;
}

export class WithdrawStatementRequest {
  @IsUUID('all', STATEMENT_ID)
  statementId!: string;

  @IsString()
  @MinLength(10, { message: 'reason must explain the withdrawal (at least 10 characters)' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(2_000)
  reason!: string;
}

export class StatementGetRequest {
  @IsUUID('all', STATEMENT_ID)
  statementId!: string;
}

/** `press.statement.list`: newest first (by first publication, drafts by creation). */
export class StatementListRequest extends PageRequest {
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  @IsOptional()
  @IsIn(StatementStatuses, { message: `status must be one of ${StatementStatuses.join(', ')}` })
  status?: StatementStatus;

  @IsOptional()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an agency code' })
  agencyCode?: string;
}

export interface ClaimReviewDto {
  claim: string;
  appearanceUrl: string;
  firstAppearedOn: string;
  rating: ClaimRating;
}

/** One text of a statement as published: the first publication, then each correction. */
export interface StatementRevisionDto {
  revision: number;
  title: string;
  body: string;
  claimReview: ClaimReviewDto | null;
  /** Corrections: what was corrected and why. */
  note: string | null;
  publishedAt: string;
  publishedBy: string;
}

export interface StatementDto {
  id: string;
  status: StatementStatus;
  agencyCode: string;
  /** The agency's name as it was when the statement was published (null for drafts). */
  agencyName: string | null;
  caseIds: string[];
  caseNumbers: string[];
  title: string;
  body: string;
  claimReview: ClaimReviewDto | null;
  /** schema.org ClaimReview JSON-LD of a published statement that answers a claim (null otherwise). */
  claimReviewJsonLd: Record<string, unknown> | null;
  /** The public page of a published statement. */
  url: string | null;
  createdAt: string;
  createdBy: string;
  /** First publication. */
  publishedAt: string | null;
  /** The last change of its public text (publication or correction). */
  updatedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  revisions: StatementRevisionDto[];
}

export interface StatementListResponse {
  edges: { cursor: string; node: StatementDto }[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Payload of every `evt.press.statement.*` event. */
export interface PressStatementEvent {
  statementId: string;
  status: StatementStatus;
  agencyCode: string;
  caseIds: string[];
  /** The first of the cases (notifications name one case). */
  caseId: string;
  caseNumber: string;
  revision: number;
}
