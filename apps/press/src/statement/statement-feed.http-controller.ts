import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@phoi-hop/contracts';
import { notModified } from './conditional-get';
import { feedPageOf } from './statement-feed-page';
import { StatementFeedService } from './statement-feed.service';

/** Readers may keep a copy this long before asking again (they then get 304 when nothing changed). */
const MAX_AGE_SECONDS = 60;
const NOT_FOUND_PAGE =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy</title></head><body><p>Không tìm thấy thông cáo này.</p></body></html>\n';

/**
 * The public side of the statements (Đ6.6–6.7), served without an account and routed by the Ingress
 * like the reply pages: `/feeds/statements.atom` (Atom 1.0, paged as RFC 5005 says: the newest
 * entries, `rel="next"` to `?before=<cursor>`; each page with ETag and Last-Modified, 304 when
 * unchanged; 400 for a page it did not hand out), `/feeds/statements/<id>` (the statement's page)
 * and `/feeds/statements/<id>.jsonld` (its ClaimReview).
 */
@Controller('feeds')
export class StatementFeedHttpController {
  constructor(private readonly feeds: StatementFeedService) {}

  @Get('statements.atom')
  async atom(@Req() request: Request, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    let before;
    try {
      before = feedPageOf(query);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(400).set('cache-control', 'no-store').json({ code: error.code, message: error.message, field: error.field });
      return;
    }
    const feed = await this.feeds.atom(before);
    response.set({
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
      etag: feed.etag,
      ...(feed.lastModified ? { 'last-modified': feed.lastModified.toUTCString() } : {}),
    });
    if (notModified(request.headers as { 'if-none-match'?: string; 'if-modified-since'?: string }, feed.etag, feed.lastModified)) {
      response.status(304).end();
      return;
    }
    response.status(200).send(feed.xml);
  }

  @Get('statements/:file')
  async statement(@Param('file') file: string, @Res() response: Response): Promise<void> {
    if (file.endsWith('.jsonld')) {
      const jsonLd = await this.feeds.jsonLd(file.slice(0, -'.jsonld'.length));
      if (!jsonLd) {
        response.status(404).set('cache-control', 'no-store').json({ code: 'NOT_FOUND', message: 'No published statement answering a claim here' });
        return;
      }
      response
        .status(200)
        .set({ 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': `public, max-age=${MAX_AGE_SECONDS}` })
        .send(JSON.stringify(jsonLd));
      return;
    }
    const page = await this.feeds.page(file);
    response
      .status(page ? 200 : 404)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': page ? `public, max-age=${MAX_AGE_SECONDS}` : 'no-store',
        // Plain HTML: no script runs, nothing is loaded from elsewhere.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(page ?? NOT_FOUND_PAGE);
  }
}
