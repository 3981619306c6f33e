import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BlobService } from '../storage/blob.service';
import { UploadRefusedError, UploadService } from './upload.service';

/**
 * The evidence service's own HTTP side for bytes that must not pass through NATS or GraphQL:
 * PUT an upload to its signed, single-use address; GET a blob from its signed, short-lived address.
 */
@Controller('evidence')
export class EvidenceHttpController {
  constructor(
    private readonly uploads: UploadService,
    private readonly blobs: BlobService,
  ) {}

  @Put('uploads/:token')
  async upload(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      // A body a JSON or form parser already consumed is not an upload of the bytes.
      if (request.readableEnded && request.body !== undefined) throw new UploadRefusedError(415, 'BAD_USER_INPUT', 'Send the file’s bytes as application/octet-stream');
      const item = await this.uploads.receive(token, request);
      response.status(201).json({ item });
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      response.status(error.status).set('connection', 'close').json({ code: error.code, message: error.message });
    }
  }

  @Get('blobs/:token')
  async download(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const found = await this.blobs.openForDownload(token);
    if (!found) {
      response.status(404).json({ code: 'NOT_FOUND', message: 'No such download address, or it has expired' });
      return;
    }
    response.status(200).set({ 'content-type': found.mimeType, 'x-content-sha256': found.sha256, 'cache-control': 'no-store', 'content-disposition': 'attachment' });
    found.stream.pipe(response);
  }
}
