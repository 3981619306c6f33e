import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { provinceDay, type Actor, type DossierFormat, type RenderedDocumentDto } from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { renderOfficialDocument } from '../document/official-document';
import { docxToPdf } from '../document/pdf.converter';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { DocumentDownloadService } from '../download/document-download.service';
import { MIME_TYPES } from '../period/period-document.service';
import { dossierSpec } from './dossier.document';
import { DossierReader } from './dossier.reader';

/** Who a dossier goes to by default: it accompanies a referral to the police or the press association. */
export const DOSSIER_RECIPIENTS = ['Công an tỉnh;', 'Hội Nhà báo tỉnh;', 'Lưu: VT, hồ sơ vụ việc.'];

/** A case's dossier as .docx or PDF; every export is in the audit log (it may hold restricted parts). */
@Injectable()
export class DossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: DossierReader,
    private readonly names: ReferenceNamesReader,
    private readonly downloads: DocumentDownloadService,
  ) {}

  async render(actor: Actor, caseId: string, format: DossierFormat): Promise<RenderedDocumentDto> {
    const [content, names] = await Promise.all([this.reader.gather(caseId), this.names.names()]);
    const docx = await renderOfficialDocument(dossierSpec(content, provinceDay(), names, DOSSIER_RECIPIENTS));
    const bytes = format === 'PDF' ? await docxToPdf(docx) : docx;
    const document = await this.downloads.offer(actor, `ho-so-${content.kase.number}.${format.toLowerCase()}`, MIME_TYPES[format], bytes);
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor,
        action: 'reporting.dossier-exported',
        targetType: 'case',
        targetId: caseId,
        summary: { format, sha256: document.sha256, withRestricted: content.referrals !== null, evidence: content.evidence.length },
      }),
    );
    return document;
  }
}
