import type { DocumentDownloadSettings } from './document-download.settings';

/** Download addresses of medium tests: a fixed base, every document small enough inlined. */
export const TEST_DOWNLOAD_SETTINGS: DocumentDownloadSettings = {
  publicUrl: 'http://reporting.test',
  linkSecret: 'reporting-medium-test-download-secret-xxxxxxxx',
  inlineMaxBytes: 512 * 1024,
};
