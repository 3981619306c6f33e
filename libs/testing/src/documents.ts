// Small files of each type a press reply may attach, and some it may not, for tests of sniffing and uploads.
import { ZipFile } from 'yazl';

const fromBase64 = (b64: string) => Buffer.from(b64, 'base64');

function zip(entries: Array<{ name: string; content: string; store?: boolean }>): Promise<Buffer> {
  const file = new ZipFile();
  for (const e of entries) file.addBuffer(Buffer.from(e.content, 'utf8'), e.name, { compress: !e.store, mtime: new Date('2026-01-01T00:00:00Z') });
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

/** One file of each allowed type (PDF, JPEG, PNG, WEBP, DOCX, ODT, UTF-8 text) and of types that are refused. */
export const sampleDocuments = {
  pdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  png: () => fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  jpeg: () =>
    fromBase64(
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
    ),
  webp: () => fromBase64('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA='),
  text: () => Buffer.from('Biên bản làm việc với trạm y tế xã, ngày 02/03/2026.\nNgười làm việc: phóng viên.\n', 'utf8'),
  docx: () =>
    zip([
      {
        name: '[Content_Types].xml',
        content:
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      {
        name: 'word/document.xml',
        content:
          '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Giải trình</w:t></w:r></w:p></w:body></w:document>',
      },
    ]),
  odt: () =>
    zip([
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true },
      {
        name: 'content.xml',
        content: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      },
    ]),
  /** Text that a browser would run as a page if it were saved as .html: it is plain text, kept as .txt. */
  html: () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
  /** Refused: a Windows program, a zip archive, bytes of no type. */
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]),
  zip: () => zip([{ name: 'a.txt', content: 'nội dung' }]),
  binary: () => Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00, 0x10]),
};
