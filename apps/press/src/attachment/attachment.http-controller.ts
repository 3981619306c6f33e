import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { contentDispositionOf } from './attachment.rules';
import { AttachmentService, UploadRefusedError } from './attachment.service';

/**
 * The press service's own HTTP side for the bytes of the replies' files, which do not pass through
 * NATS or GraphQL: PUT an outlet's upload to its signed address; GET a file from its signed,
 * short-lived download address.
 */
@Controller('press')
export class AttachmentHttpController {
  constructor(private readonly attachments: AttachmentService) {}

  @Put('uploads/:token')
  async upload(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      // A body a JSON or form parser already consumed is not the file's bytes.
      if (request.readableEnded && request.body !== undefined)
        throw new UploadRefusedError(415, 'BAD_USER_INPUT', 'Send the file’s bytes as application/octet-stream');
      const attachment = await this.attachments.receiveUpload(token, request);
      response.status(201).json({ attachment });
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      if (!request.readableEnded) request.resume();
      response.status(error.status).set('connection', 'close').json({ code: error.code, message: error.message });
    }
  }

  @Get('attachments/:token')
  async download(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const file = await this.attachments.openForDownload(token);
    if (!file) {
      response.status(404).json({ code: 'NOT_FOUND', message: 'No such download address, or it has expired' });
      return;
    }
    response
      .status(200)
      .set({
        // The type sniffed when the file was kept; never shown inline, never sniffed again by the browser.
        'content-type': file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
        'content-disposition': contentDispositionOf(file.name),
        'x-content-type-options': 'nosniff',
        'x-content-sha256': file.sha256,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; sandbox",
      })
      .end(file.bytes);
  }
}
