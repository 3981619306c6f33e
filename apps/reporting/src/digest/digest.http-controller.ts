import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DigestLinks, digestFileName } from './digest-links';
import { DigestDocuments } from './digest-documents.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The digest's .docx behind its signed, short-lived address (bytes do not travel through NATS or GraphQL). */
@Controller('reporting/digest')
export class DigestHttpController {
  constructor(
    private readonly links: DigestLinks,
    private readonly documents: DigestDocuments,
  ) {}

  @Get('documents/:token')
  async document(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const claims = await this.links.verify(token);
    if (!claims) {
      response.status(404).json({ code: 'NOT_FOUND', message: 'No such download address, or it has expired' });
      return;
    }
    const bytes = await this.documents.render(claims);
    response
      .status(200)
      .set({ 'content-type': DOCX, 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${digestFileName(claims.day)}"` })
      .send(bytes);
  }
}
