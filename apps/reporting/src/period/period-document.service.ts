import { Injectable } from '@nestjs/common';
import { provinceDay, type Actor, type ReportDocumentFormat, type RenderedDocumentDto } from '@phoi-hop/contracts';
import { renderOfficialDocument } from '../document/official-document';
import { docxToPdf } from '../document/pdf.converter';
import { periodReportSpec } from '../document/period-report.document';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { statisticsCsv, statisticsWorkbook } from '../document/statistics-annex';
import { statisticsTables } from '../document/statistics-tables';
import { DocumentDownloadService } from '../download/document-download.service';
import { PeriodService } from './period.service';

export const MIME_TYPES: Record<ReportDocumentFormat, string> = {
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PDF: 'application/pdf',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

/** The consolidated report of a period as a file: the official document (.docx, .pdf) or its statistics annex (.xlsx, .csv). */
@Injectable()
export class PeriodDocumentService {
  constructor(
    private readonly periods: PeriodService,
    private readonly names: ReferenceNamesReader,
    private readonly downloads: DocumentDownloadService,
  ) {}

  async render(actor: Actor, periodId: string, format: ReportDocumentFormat): Promise<RenderedDocumentDto> {
    const report = await this.periods.consolidated(actor, periodId);
    const names = await this.names.names();
    const base = `bao-cao-${report.period.from}-${report.period.to}`;
    const offer = (suffix: string, bytes: Buffer) => this.downloads.offer(actor, `${base}${suffix}`, MIME_TYPES[format], bytes);
    if (format === 'XLSX') return offer('-phu-luc.xlsx', await statisticsWorkbook(report.period.title, statisticsTables(report.statistics, names)));
    if (format === 'CSV') return offer('-so-lieu.csv', await statisticsCsv(statisticsTables(report.statistics, names)));
    const docx = await renderOfficialDocument(await periodReportSpec(report, provinceDay(), names));
    if (format === 'DOCX') return offer('.docx', docx);
    return offer('.pdf', await docxToPdf(docx));
  }
}
