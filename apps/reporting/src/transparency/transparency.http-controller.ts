import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, provinceDay } from '@phoi-hop/contracts';
import { transparencyPage } from './transparency.page';
import { TransparencyService } from './transparency.service';

/**
 * The public transparency report over plain HTTP, without sign-in: `/transparency` (HTML) and
 * `/transparency.json`. Default period: the current year up to today.
 */
@Controller()
export class TransparencyHttpController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get('transparency')
  async page(@Query('from') from: string | undefined, @Query('to') to: string | undefined, @Res() response: Response): Promise<void> {
    await this.answer(from, to, response, (report) => response.status(200).type('html').send(transparencyPage(report)));
  }

  @Get('transparency.json')
  async json(@Query('from') from: string | undefined, @Query('to') to: string | undefined, @Res() response: Response): Promise<void> {
    await this.answer(from, to, response, (report) => response.status(200).json(report));
  }

  private async answer(
    from: string | undefined,
    to: string | undefined,
    response: Response,
    send: (report: Awaited<ReturnType<TransparencyService['report']>>) => void,
  ) {
    const today = provinceDay();
    try {
      const report = await this.transparency.report(from ?? `${today.slice(0, 4)}-01-01`, to ?? today);
      response.set({
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      send(report);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(400).json(error.toBody());
    }
  }
}
