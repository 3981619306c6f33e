import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../attachment/attachment.settings';
import type { AcceptedFile } from '../attachment/attachment-sniff';
import { refusalMessageVi, refusalStatus } from '../attachment/attachment.rules';
import { isMultipart, readReplyForm } from './reply-form.multipart';
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
 * The reply pages of the one-time links (Đ6.3): GET shows the form, POST keeps the reply and its
 * files (multipart, streamed within the limits; a plain urlencoded form still works without files).
 * Every refused link gets the same page and the same status, whatever the reason; a refused file
 * gets the form again with why (413, 415 or 400), and the link stays usable.
 */
@Controller('press/reply')
export class ReplyHttpController {
  constructor(
    private readonly replies: ReplyService,
    @Inject(ATTACHMENT_SETTINGS) private readonly limits: AttachmentSettings,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const opened = await this.replies.openLink(token);
    if (!opened.usable) return void response.status(404).set(HEADERS).send(replyUnavailablePage());
    response.status(200).set(HEADERS).send(replyFormPage(opened.view));
  }

  @Post(':token')
  async submit(@Param('token') token: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const opened = await this.replies.openLink(token);
    // Nothing of a refused link's form is read: drained and dropped.
    if (!opened.usable) {
      request.resume();
      return void response.status(404).set(HEADERS).set('connection', 'close').send(replyUnavailablePage());
    }
    let text: unknown;
    let files: AcceptedFile[] = [];
    if (isMultipart(request)) {
      const form = await readReplyForm(request, this.limits);
      if (!form.ok)
        return void response
          .status(refusalStatus(form.refusal))
          .set(HEADERS)
          .set('connection', 'close')
          .send(replyInvalidPage(opened.view, refusalMessageVi(form.refusal), form.text));
      text = form.text;
      files = form.files;
    } else {
      text = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['text'] : undefined;
    }
    const result = await this.replies.replyThroughLink(token, text, files);
    if (result.outcome === 'UNUSABLE') return void response.status(404).set(HEADERS).send(replyUnavailablePage());
    if (result.outcome === 'INVALID')
      return void response
        .status(result.status)
        .set(HEADERS)
        .send(replyInvalidPage(result.view, result.problem, typeof text === 'string' ? text : ''));
    response.status(200).set(HEADERS).send(replyReceivedPage(result.files));
  }
}
