import { labelledEnum } from '../common/labelled-enum';

export const StatementStatusEnum = labelledEnum('StatementStatus', 'The stages of a spokesperson statement; PUBLISHED and CORRECTED ones are in the Atom feed');
export const ClaimRatingEnum = labelledEnum('ClaimRating', 'How true a claim a statement answers is (ClaimReview reviewRating, 1 = FALSE … 5 = TRUE)');
