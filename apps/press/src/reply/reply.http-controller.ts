import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { replyFormPage, replyInvalidPage, replyReceivedPage, replyUnavailablePage } from './reply-page';
import { ReplyService } from './reply.service';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // No script, no outside resources, forms post only back here.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * The reply pages of the one-time links (Đ6.3): GET shows the form, POST keeps the reply. Every
 * refused link gets the same page and the same status, whatever the reason.
 */
@Controller('press/reply')
export class ReplyHttpController {
  constructor(private readonly replies: ReplyService) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const opened = await this.replies.openLink(token);
    if (!opened.usable) return void response.status(404).set(HEADERS).send(replyUnavailablePage());
    response.status(200).set(HEADERS).send(replyFormPage(opened.view));
  }

  @Post(':token')
  async submit(@Param('token') token: string, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const text = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['text'] : undefined;
    const result = await this.replies.replyThroughLink(token, text);
    if (result.outcome === 'UNUSABLE') return void response.status(404).set(HEADERS).send(replyUnavailablePage());
    if (result.outcome === 'INVALID') return void response.status(400).set(HEADERS).send(replyInvalidPage(result.view, result.problem));
    response.status(200).set(HEADERS).send(replyReceivedPage());
  }
}
