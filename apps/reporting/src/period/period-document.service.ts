import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { provinceDay, type Actor, type ReportDocumentFormat, type RenderedDocumentDto } from '@phoi-hop/contracts';
import { renderOfficialDocument } from '../document/official-document';
import { docxToPdf } from '../document/pdf.converter';
import { periodReportSpec } from '../document/period-report.document';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { statisticsCsv, statisticsWorkbook } from '../document/statistics-annex';
import { statisticsTables } from '../document/statistics-tables';
import { PeriodService } from './period.service';

export const MIME_TYPES: Record<ReportDocumentFormat, string> = {
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PDF: 'application/pdf',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

export function renderedDocument(fileName: string, format: ReportDocumentFormat, bytes: Buffer): RenderedDocumentDto {
  return { fileName, mimeType: MIME_TYPES[format], contentBase64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The consolidated report of a period as a file: the official document (.docx, .pdf) or its statistics annex (.xlsx, .csv). */
@Injectable()
export class PeriodDocumentService {
  constructor(
    private readonly periods: PeriodService,
    private readonly names: ReferenceNamesReader,
  ) {}

  async render(actor: Actor, periodId: string, format: ReportDocumentFormat): Promise<RenderedDocumentDto> {
    const report = await this.periods.consolidated(actor, periodId);
    const names = await this.names.names();
    const base = `bao-cao-${report.period.from}-${report.period.to}`;
    if (format === 'XLSX')
      return renderedDocument(`${base}-phu-luc.xlsx`, format, await statisticsWorkbook(report.period.title, statisticsTables(report.statistics, names)));
    if (format === 'CSV') return renderedDocument(`${base}-so-lieu.csv`, format, await statisticsCsv(statisticsTables(report.statistics, names)));
    const docx = await renderOfficialDocument(await periodReportSpec(report, provinceDay(), names));
    if (format === 'DOCX') return renderedDocument(`${base}.docx`, format, docx);
    return renderedDocument(`${base}.pdf`, format, await docxToPdf(docx));
  }
}
