import Ajv from 'ajv';
import { ClaimRatings } from '@phoi-hop/contracts';
import { claimReviewJsonLd, ratingValue } from './claim-review';

/**
 * The shape fact-checkers' tools read, after schema.org's ClaimReview and Google's ClaimReview
 * guidelines: required claimReviewed, reviewRating (a Rating with alternateName) and url; author an
 * Organization with a name, datePublished a day, itemReviewed a Claim with where it appeared; a
 * numeric rating within worstRating…bestRating.
 */
const CLAIM_REVIEW_SHAPE = {
  type: 'object',
  required: ['@context', '@type', 'claimReviewed', 'reviewRating', 'url', 'author', 'datePublished', 'itemReviewed'],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ClaimReview' },
    claimReviewed: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://' },
    datePublished: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    author: {
      type: 'object',
      required: ['@type', 'name'],
      properties: { '@type': { const: 'Organization' }, name: { type: 'string', minLength: 1 } },
    },
    itemReviewed: {
      type: 'object',
      required: ['@type', 'appearance', 'firstAppearance', 'datePublished'],
      properties: {
        '@type': { const: 'Claim' },
        datePublished: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        appearance: { $ref: '#/$defs/work' },
        firstAppearance: { $ref: '#/$defs/work' },
      },
      // Nothing about who made the claim (no author): the platform names public sources, never people.
      additionalProperties: false,
    },
    reviewRating: {
      type: 'object',
      required: ['@type', 'alternateName', 'ratingValue', 'bestRating', 'worstRating'],
      properties: {
        '@type': { const: 'Rating' },
        alternateName: { type: 'string', minLength: 1 },
        ratingValue: { type: 'integer', minimum: 1, maximum: 5 },
        bestRating: { const: 5 },
        worstRating: { const: 1 },
      },
    },
  },
  $defs: {
    work: { type: 'object', required: ['@type', 'url'], properties: { '@type': { const: 'CreativeWork' }, url: { type: 'string', pattern: '^https?://' } } },
  },
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(CLAIM_REVIEW_SHAPE);

describe(claimReviewJsonLd.name, () => {
  const source = {
    url: 'https://phoi-hop.example.gov.vn/feeds/statements/6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
    agencyName: 'Công an tỉnh',
    publishedAt: '2026-12-01T02:30:00.000Z',
    review: {
      claim: 'Đập thủy điện Rào Quán đã vỡ',
      appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
      firstAppearedOn: '2026-11-30',
      rating: 'FALSE' as const,
    },
  };

  it('has the properties the ClaimReview guidelines require and recommend', () => {
    const jsonLd = claimReviewJsonLd(source);
    expect(validate(jsonLd) ? [] : validate.errors).toEqual([]);
    expect(jsonLd).toMatchObject({
      url: source.url,
      claimReviewed: 'Đập thủy điện Rào Quán đã vỡ',
      datePublished: '2026-12-01',
      author: { '@type': 'Organization', name: 'Công an tỉnh' },
      itemReviewed: { appearance: { url: source.review.appearanceUrl }, firstAppearance: { url: source.review.appearanceUrl }, datePublished: '2026-11-30' },
      reviewRating: { alternateName: 'Sai sự thật', ratingValue: 1 },
    });
  });

  it.each(ClaimRatings.map((rating) => [rating]))('%s: a valid rating with its Vietnamese label', (rating) => {
    const jsonLd = claimReviewJsonLd({ ...source, review: { ...source.review, rating } });
    expect(validate(jsonLd) ? [] : validate.errors).toEqual([]);
    expect((jsonLd['reviewRating'] as { ratingValue: number }).ratingValue).toBe(ratingValue(rating));
  });

  it('is refused by the shape when a required property is missing (the check can fail)', () => {
    const { claimReviewed: _claim, ...withoutClaim } = claimReviewJsonLd(source);
    expect(validate(withoutClaim)).toBe(false);
    const jsonLd = claimReviewJsonLd(source);
    expect(validate({ ...jsonLd, reviewRating: { ...(jsonLd['reviewRating'] as object), alternateName: undefined } })).toBe(false);
  });

  it('rates FALSE lowest and TRUE highest', () => {
    expect(ClaimRatings.map(ratingValue)).toEqual([1, 2, 3, 4, 5]);
    expect(ratingValue('FALSE')).toBeLessThan(ratingValue('TRUE'));
  });
});
