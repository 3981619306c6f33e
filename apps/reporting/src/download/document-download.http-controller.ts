import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DocumentDownloadService } from './document-download.service';

/** Rendered documents behind their signed, short-lived addresses (the bytes do not travel through NATS or GraphQL). */
@Controller('reporting/documents')
export class DocumentDownloadHttpController {
  constructor(private readonly downloads: DocumentDownloadService) {}

  @Get(':token')
  async document(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const document = await this.downloads.download(token);
    if (!document) {
      response.status(404).json({ code: 'NOT_FOUND', message: 'No such download address, or it has expired' });
      return;
    }
    response
      .status(200)
      .set({
        'content-type': document.mimeType,
        'content-length': String(document.bytes.length),
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${document.fileName}"`,
        'x-content-sha256': document.sha256,
      })
      .send(document.bytes);
  }
}
