import { IsIn, IsUUID } from 'class-validator';
import type { ReportDocumentFormat } from './period.dto';

/** A case dossier is an official document: .docx or its PDF (of the report document formats). */
export type DossierFormat = Extract<ReportDocumentFormat, 'DOCX' | 'PDF'>;

/** `reporting.dossier.document`: a case's dossier, holding what the reader may see of it. */
export class DossierDocumentRequest {
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId!: string;

  @IsIn(['DOCX', 'PDF'], { message: 'format must be DOCX or PDF for a dossier' })
  format!: DossierFormat;
}
