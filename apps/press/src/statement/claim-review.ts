import { CLAIM_RATING_LABELS, ClaimRatings, type ClaimRating, type ClaimReviewDto } from '@phoi-hop/contracts';

/** ratingValue on a 1 (FALSE) … 5 (TRUE) scale: the position in ClaimRatings. */
export function ratingValue(rating: ClaimRating): number {
  return ClaimRatings.indexOf(rating) + 1;
}

export interface ClaimReviewSource {
  /** The statement's public page: where the fact check is published. */
  url: string;
  agencyName: string;
  /** When the statement was (first) published. */
  publishedAt: string;
  review: ClaimReviewDto;
}

/**
 * schema.org ClaimReview JSON-LD of a statement that answers a claim, in the shape fact-checkers'
 * tools read (Google's ClaimReview guidelines: claimReviewed, reviewRating with alternateName, url;
 * author, datePublished and itemReviewed as recommended). The claim is described by where it
 * appeared, never by who made it.
 */
export function claimReviewJsonLd(source: ClaimReviewSource): Record<string, unknown> {
  const appearance = { '@type': 'CreativeWork', url: source.review.appearanceUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: source.url,
    claimReviewed: source.review.claim,
    datePublished: source.publishedAt.slice(0, 10),
    inLanguage: 'vi',
    author: { '@type': 'Organization', name: source.agencyName },
    itemReviewed: {
      '@type': 'Claim',
      datePublished: source.review.firstAppearedOn,
      appearance,
      firstAppearance: appearance,
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: ratingValue(source.review.rating),
      bestRating: ClaimRatings.length,
      worstRating: 1,
      alternateName: CLAIM_RATING_LABELS[source.review.rating].vi,
    },
  };
}
