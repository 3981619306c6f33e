import type { Provider } from '@nestjs/common';
import { DocumentDownloadRepository } from './document-download.repository';
import { DocumentDownloadService } from './document-download.service';
import { DOCUMENT_DOWNLOAD_SETTINGS, type DocumentDownloadSettings } from './document-download.settings';

export { DocumentDownloadHttpController } from './document-download.http-controller';

/** Rendered documents behind signed download addresses: their settings, store and service. */
export function documentDownloadProviders(settings: DocumentDownloadSettings): Provider[] {
  return [{ provide: DOCUMENT_DOWNLOAD_SETTINGS, useValue: settings }, DocumentDownloadRepository, DocumentDownloadService];
}
