import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBordersOptions,
  type ParagraphChild,
} from 'docx';

/**
 * The layout of an administrative document per Decree 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ
 * thuật trình bày văn bản hành chính), as numbers the tests check against the document XML.
 * Lengths in twips (1/1440 inch); font sizes in half-points, as OOXML counts them.
 */
export const DECREE_30_LAYOUT = {
  /** A4 portrait: 210 × 297 mm. */
  page: { width: 11906, height: 16838 },
  /** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm: here 22, 22, 32 and 17 mm, inside every range. */
  margin: { top: mm(22), bottom: mm(22), left: mm(32), right: mm(17), header: mm(12), footer: mm(10) },
  font: 'Times New Roman',
  /** Body text 13–14 pt. */
  bodySize: 28,
  /** The national title and the issuing body's name: 12–13 pt. */
  headerSize: 24,
  /** "Nơi nhận:" 12 pt, its list 11 pt. */
  recipientsTitleSize: 24,
  recipientsSize: 22,
  /** First-line indent of body paragraphs: 1–1.27 cm. */
  firstLineIndent: mm(12.7),
} as const;

/** The fixed texts of the header block. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';

function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** The body issuing the document (Decree 30, Phụ lục I, mục II.3): its parent above it, both upper case. */
export interface IssuingBody {
  /** e.g. "UBND TỈNH QUẢNG BÌNH". */
  parent: string;
  /** e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  name: string;
  /** The body's abbreviation in the document symbol, e.g. "STTTT". */
  abbreviation: string;
}

export type DocumentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  /** An address printed as itself and clickable (the sources of a press review). */
  | { kind: 'link'; url: string }
  | { kind: 'table'; header: string[]; rows: string[][]; caption?: string }
  | { kind: 'image'; png: Buffer; width: number; height: number; caption?: string };

export interface OfficialDocumentSpec {
  issuer: IssuingBody;
  /** The kind of document: its name in the title ("BÁO CÁO") and its abbreviation in the symbol ("BC"). */
  documentType: { name: string; abbreviation: string };
  /** The registered number; null leaves it blank for the clerk ("Số:     /BC-STTTT"). */
  number: number | null;
  /** Place of issue, e.g. "Quảng Bình". */
  place: string;
  /** Date of issue (a province day, YYYY-MM-DD). */
  date: string;
  /** Trích yếu: what the document is about. */
  summary: string;
  blocks: DocumentBlock[];
  /** "Nơi nhận:" list, one recipient a line (e.g. "UBND tỉnh (để b/c);"). */
  recipients: string[];
  signer: { authority?: string; title: string; name: string | null };
}

const NO_BORDER: IBordersOptions = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const NO_TABLE_BORDER = { ...NO_BORDER, insideHorizontal: NO_BORDER.top, insideVertical: NO_BORDER.top };
/** The printable width between the margins. */
const TEXT_WIDTH = DECREE_30_LAYOUT.page.width - DECREE_30_LAYOUT.margin.left - DECREE_30_LAYOUT.margin.right;
/** How far the header block reaches into each side margin. */
const HEADER_OVERHANG = mm(9);

function run(text: string, options: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text,
    font: DECREE_30_LAYOUT.font,
    size: options.size ?? DECREE_30_LAYOUT.bodySize,
    bold: options.bold,
    italics: options.italics,
    ...(options.underline ? { underline: {} } : {}),
  });
}

function centered(children: ParagraphChild[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: spacingAfter }, children });
}

/** "ngày 05 tháng 01 năm 2026": days and months below 10 and 3 are written with a leading zero (Phụ lục I, II.5.b). */
export function vietnameseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const dd = date < 10 ? `0${date}` : `${date}`;
  const monthText = month < 3 ? `0${month}` : `${month}`;
  return `ngày ${dd} tháng ${monthText} năm ${year}`;
}

/** "Số: 12/BC-STTTT", or blank space for the number when it is not registered yet. */
export function documentSymbol(spec: Pick<OfficialDocumentSpec, 'number' | 'documentType' | 'issuer'>): string {
  const number = spec.number === null ? '      ' : String(spec.number);
  return `Số: ${number}/${spec.documentType.abbreviation}-${spec.issuer.abbreviation}`;
}

/** The two-column header block without borders: issuing body and number on the left, national title, motto, place and date on the right. */
function headerBlock(spec: OfficialDocumentSpec): Table {
  const size = DECREE_30_LAYOUT.headerSize;
  const left = [
    centered([run(spec.issuer.parent, { size })]),
    centered([run(spec.issuer.name, { size, bold: true })]),
    centered([run('───────', { size: 20 })], 120),
    centered([run(documentSymbol(spec), { size })]),
  ];
  const right = [
    centered([run(NATIONAL_TITLE, { size, bold: true })]),
    centered([run(NATIONAL_MOTTO, { size: DECREE_30_LAYOUT.bodySize, bold: true, underline: true })], 240),
    centered([run(`${spec.place}, ${vietnameseDate(spec.date)}`, { italics: true })]),
  ];
  // The block reaches a little into the side margins so that the
  // issuing body and the national title each stay on one line at 12 pt.
  const width = TEXT_WIDTH + HEADER_OVERHANG * 2;
  const leftWidth = Math.round(width * 0.44);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    indent: { size: -HEADER_OVERHANG, type: WidthType.DXA },
    columnWidths: [leftWidth, width - leftWidth],
    borders: NO_TABLE_BORDER,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: NO_BORDER, width: { size: leftWidth, type: WidthType.DXA }, children: left }),
          new TableCell({ borders: NO_BORDER, width: { size: width - leftWidth, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

function bodyParagraph(text: string, italic = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: DECREE_30_LAYOUT.firstLineIndent },
    spacing: { before: 120, after: 0, line: 312 },
    children: [run(text, { italics: italic })],
  });
}

function dataTable(header: string[], rows: string[][]): Table {
  const widths = header.map(() => Math.floor(TEXT_WIDTH / header.length));
  const cell = (text: string, bold: boolean, index: number) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ alignment: index === 0 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, { bold, size: 24 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, true, i)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, false, i)) })),
    ],
  });
}

function blockElements(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 200, after: 60 },
          indent: { firstLine: DECREE_30_LAYOUT.firstLineIndent },
          children: [run(block.text, { bold: true })],
        }),
      ];
    case 'paragraph':
      return [bodyParagraph(block.text, block.italic)];
    case 'link':
      return [
        new Paragraph({
          indent: { firstLine: DECREE_30_LAYOUT.firstLineIndent },
          spacing: { before: 60, after: 0 },
          children: [
            new ExternalHyperlink({ link: block.url, children: [new TextRun({ text: block.url, style: 'Hyperlink', font: DECREE_30_LAYOUT.font, size: 24 })] }),
          ],
        }),
      ];
    case 'table':
      return [
        ...(block.caption ? [centered([run(block.caption, { bold: true, size: 24 })], 60)] : []),
        dataTable(block.header, block.rows),
        new Paragraph({ children: [] }),
      ];
    case 'image': {
      // Scaled to the text width at most, keeping the aspect ratio (96 px per inch as Word reckons).
      const maxPx = Math.floor((TEXT_WIDTH / 1440) * 96);
      const scale = Math.min(1, maxPx / block.width);
      return [
        centered([
          new ImageRun({ type: 'png', data: block.png, transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) } }),
        ]),
        ...(block.caption ? [centered([run(block.caption, { italics: true, size: 24 })], 120)] : []),
      ];
    }
  }
}

/** The recipients ("Nơi nhận:") on the left and the signature block on the right, without borders. */
function closingBlock(spec: OfficialDocumentSpec): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.5);
  const left = [
    new Paragraph({ children: [run(RECIPIENTS_TITLE, { bold: true, italics: true, size: DECREE_30_LAYOUT.recipientsTitleSize })] }),
    ...spec.recipients.map((line) => new Paragraph({ children: [run(`- ${line}`, { size: DECREE_30_LAYOUT.recipientsSize })] })),
  ];
  const right = [
    ...(spec.signer.authority ? [centered([run(spec.signer.authority, { bold: true })])] : []),
    centered([run(spec.signer.title.toUpperCase(), { bold: true })]),
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    centered([run(spec.signer.name ?? '', { bold: true })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: NO_TABLE_BORDER,
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: NO_BORDER, width: { size: leftWidth, type: WidthType.DXA }, children: left }),
          new TableCell({ borders: NO_BORDER, width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

/** The document as the docx library models it (tests and callers that add to it). */
export function officialDocument(spec: OfficialDocumentSpec): Document {
  const layout = DECREE_30_LAYOUT;
  return new Document({
    creator: spec.issuer.name,
    title: spec.summary,
    styles: { default: { document: { run: { font: layout.font, size: layout.bodySize } } } },
    sections: [
      {
        properties: {
          // A first page of its own: the page number is printed from page 2 on (Phụ lục I, II.8).
          titlePage: true,
          page: { size: { width: layout.page.width, height: layout.page.height }, margin: { ...layout.margin, gutter: 0 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], font: layout.font, size: layout.headerSize })])] }),
        },
        children: [
          headerBlock(spec),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centered([run(spec.documentType.name, { bold: true })]),
          centered([run(spec.summary, { bold: true })]),
          centered([run('───────────', { size: 20 })], 240),
          ...spec.blocks.flatMap(blockElements),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          closingBlock(spec),
        ],
      },
    ],
  });
}

/** Renders the document as .docx bytes. */
export function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(spec));
}

/** The issuing body of the platform's own documents: Quảng Bình's Department of Information and Communications (Đ6.1). */
export const QUANG_BINH_STTTT: IssuingBody = {
  parent: 'UBND TỈNH QUẢNG BÌNH',
  name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  abbreviation: 'STTTT',
};
