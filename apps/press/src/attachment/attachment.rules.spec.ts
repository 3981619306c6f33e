import { sampleDocuments } from '@phoi-hop/testing';
import { inspectFile } from './attachment-sniff';
import {
  MAX_DISPLAY_NAME,
  UNNAMED_FILE,
  contentDispositionOf,
  displayNameOf,
  isPlainUtf8Text,
  judgeAttachment,
  limitBroken,
  nameForType,
  refusalMessageVi,
  refusalStatus,
} from './attachment.rules';

const LIMITS = { maxFileBytes: 100, maxFiles: 2, maxTotalBytes: 150 };

describe(displayNameOf.name, () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\pv\\Desktop\\giai-trinh.pdf', 'giai-trinh.pdf'],
    ['..', UNNAMED_FILE],
    ['', UNNAMED_FILE],
    ['.bashrc', 'bashrc'],
    ['bien\u0000ban\u001b[31m.txt', 'bienban[31m.txt'],
    // A right-to-left override would show "invoice_fdp.exe" as "invoice_exe.pdf".
    ['invoice_\u202efdp.exe', 'invoice_fdp.exe'],
    ['  ảnh   chụp\tmàn hình.png ', 'ảnh chụp màn hình.png'],
    ['<script>alert(1)</script>.pdf', 'script>.pdf'],
    ['Bie\u0302n ba\u0309n.pdf', 'Biên bản.pdf'],
  ])('%j is shown as %j', (raw, shown) => {
    expect(displayNameOf(raw)).toBe(shown);
  });

  it('caps the length at 120 characters and keeps the extension', () => {
    const name = displayNameOf(`${'ư'.repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME);
    expect(name.endsWith('ư.docx')).toBe(true);
  });
});

describe(nameForType.name, () => {
  it.each([
    ['trang.html', 'text/plain', 'trang.html.txt'],
    ['ghi-chu.TXT', 'text/plain', 'ghi-chu.TXT'],
    ['anh.jpg', 'image/png', 'anh.jpg.png'],
    ['anh.jpeg', 'image/jpeg', 'anh.jpeg'],
    ['van-ban', 'application/pdf', 'van-ban.pdf'],
  ] as const)('%s holding %s is kept as %s', (name, type, kept) => {
    expect(nameForType(name, type)).toBe(kept);
  });
});

describe(isPlainUtf8Text.name, () => {
  it.each([
    ['UTF-8 Vietnamese with line breaks', Buffer.from('Phản hồi\r\nDòng hai\tcột\n'), true],
    ['invalid UTF-8 (Latin-1 bytes)', Buffer.from([0x50, 0x68, 0xe1, 0x6e]), false],
    ['a NUL byte', Buffer.from('abc\u0000def'), false],
    ['an escape sequence', Buffer.from('abc\u001b[2J'), false],
    ['nothing', Buffer.alloc(0), false],
  ])('%s: %s', (_what, bytes, expected) => {
    expect(isPlainUtf8Text(bytes)).toBe(expected);
  });
});

describe(judgeAttachment.name, () => {
  it('takes the sniffed type when it is on the allow-list, whatever the name says', () => {
    expect(judgeAttachment('anh.exe', 'image/png', Buffer.from('x'))).toEqual({ accepted: true, mediaType: 'image/png' });
  });

  it('takes plain text when no signature matched and the bytes are UTF-8 text', () => {
    expect(judgeAttachment('a.pdf', null, Buffer.from('chỉ là chữ'))).toEqual({ accepted: true, mediaType: 'text/plain' });
  });

  it.each([
    [
      'a type off the list',
      'x.pdf',
      'application/x-msdownload',
      Buffer.from('MZ'),
      { kind: 'TYPE_NOT_ALLOWED', name: 'x.pdf', sniffed: 'application/x-msdownload' },
    ],
    ['bytes of no type', 'x.txt', null, Buffer.from([0, 1, 2]), { kind: 'TYPE_NOT_ALLOWED', name: 'x.txt', sniffed: null }],
    ['an empty file', 'x.txt', null, Buffer.alloc(0), { kind: 'EMPTY_FILE', name: 'x.txt' }],
  ])('refuses %s', (_what, name, sniffed, bytes, refusal) => {
    expect(judgeAttachment(name, sniffed, bytes)).toEqual({ accepted: false, refusal });
  });
});

describe(inspectFile.name, () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['text', 'text/plain'],
    ['html', 'text/plain'],
  ] as const)('sniffs %s as %s from the bytes alone, and hashes it', async (sample, type) => {
    const bytes = await sampleDocuments[sample]();
    const verdict = await inspectFile('tep-khong-duoi', bytes);
    expect(verdict).toMatchObject({ accepted: true, file: { mediaType: type, sizeBytes: bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it.each(['exe', 'zip', 'binary'] as const)('refuses %s even named as a PDF', async (sample) => {
    const verdict = await inspectFile('giai-trinh.pdf', await sampleDocuments[sample]());
    expect(verdict).toMatchObject({ accepted: false, refusal: { kind: 'TYPE_NOT_ALLOWED', name: 'giai-trinh.pdf' } });
  });
});

describe(limitBroken.name, () => {
  it.each([
    [
      'within every limit',
      [
        { name: 'a', sizeBytes: 100 },
        { name: 'b', sizeBytes: 50 },
      ],
      null,
    ],
    ['one file over its limit', [{ name: 'a', sizeBytes: 101 }], { kind: 'FILE_TOO_LARGE', name: 'a', limit: 100 }],
    [
      'too many files',
      [
        { name: 'a', sizeBytes: 1 },
        { name: 'b', sizeBytes: 1 },
        { name: 'c', sizeBytes: 1 },
      ],
      { kind: 'TOO_MANY_FILES', limit: 2 },
    ],
    [
      'a total over its limit',
      [
        { name: 'a', sizeBytes: 100 },
        { name: 'b', sizeBytes: 51 },
      ],
      { kind: 'TOTAL_TOO_LARGE', limit: 150 },
    ],
    ['no file', [], null],
  ])('%s', (_what, files, refusal) => {
    expect(limitBroken(LIMITS, files)).toEqual(refusal);
  });
});

describe(refusalStatus.name, () => {
  it.each([
    [{ kind: 'FILE_TOO_LARGE', name: 'a', limit: 10_485_760 } as const, 413, 'lớn hơn 10 MB'],
    [{ kind: 'TOO_MANY_FILES', limit: 5 } as const, 413, 'tối đa 5 tệp'],
    [{ kind: 'TOTAL_TOO_LARGE', limit: 26_214_400 } as const, 413, 'vượt quá 25 MB'],
    [{ kind: 'TYPE_NOT_ALLOWED', name: 'a', sniffed: null } as const, 415, 'Chỉ nhận PDF'],
    [{ kind: 'EMPTY_FILE', name: 'a' } as const, 400, 'không có nội dung'],
    [{ kind: 'TRUNCATED' } as const, 400, 'không đầy đủ'],
  ])('%j is %i and says so in Vietnamese', (refusal, status, words) => {
    expect(refusalStatus(refusal)).toBe(status);
    expect(refusalMessageVi(refusal)).toContain(words);
  });
});

describe(contentDispositionOf.name, () => {
  it('is always an attachment, with an ASCII fallback that cannot break the header and the exact name encoded', () => {
    const header = contentDispositionOf('<img src=x onerror="a">; x=1\r\n.pdf');
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._ ()-]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
    expect(header).not.toMatch(/[<>"\r\n;]=?.*[<>]/);
    expect(contentDispositionOf('Biên bản đối chất.pdf')).toBe(
      `attachment; filename="Bien ban doi chat.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%C4%91%E1%BB%91i%20ch%E1%BA%A5t.pdf`,
    );
  });
});
