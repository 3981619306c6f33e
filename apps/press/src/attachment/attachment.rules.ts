import { ReplyAttachmentMediaTypes, type ReplyAttachmentMediaType } from '@phoi-hop/contracts';

/** The limits of a reply's files (PRESS_ATTACHMENT_*). */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}

/** Why a reply's files were refused; each edge words it (Vietnamese on the page, English in the API). */
export type AttachmentRefusal =
  | { kind: 'FILE_TOO_LARGE'; name: string; limit: number }
  | { kind: 'TOO_MANY_FILES'; limit: number }
  | { kind: 'TOTAL_TOO_LARGE'; limit: number }
  | { kind: 'TYPE_NOT_ALLOWED'; name: string; sniffed: string | null }
  | { kind: 'EMPTY_FILE'; name: string }
  | { kind: 'TRUNCATED' };

export type AttachmentVerdict = { accepted: true; mediaType: ReplyAttachmentMediaType } | { accepted: false; refusal: AttachmentRefusal };

/** Longest display name kept, in characters (an extension is kept when cut). */
export const MAX_DISPLAY_NAME = 120;
/** What a file without a usable name is shown as. */
export const UNNAMED_FILE = 'tệp đính kèm';

// C0/C1 controls, zero-width characters, bidirectional overrides (which can disguise an extension) and the BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The name a file is shown and downloaded as: the last segment of whatever path the client sent,
 * without control or direction characters, leading dots or runs of spaces, at most
 * MAX_DISPLAY_NAME characters. It is only ever displayed: storage and type never depend on it.
 */
export function displayNameOf(raw: string): string {
  const segment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = segment
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, '')
    .trim()
    .replace(/^[.\s]+/, '');
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_DISPLAY_NAME) return cleaned || UNNAMED_FILE;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? Array.from(cleaned.slice(dot)) : [];
  return `${chars
    .slice(0, MAX_DISPLAY_NAME - extension.length)
    .join('')
    .trimEnd()}${extension.join('')}`;
}

/** The extensions each allowed type is saved with. */
const EXTENSIONS: Record<ReplyAttachmentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'text/plain': ['txt', 'text', 'md', 'csv', 'log'],
};

/**
 * The display name with an extension that says what the bytes are: a name whose extension promises
 * another type gets the right one added ("trang.html" holding text is kept as "trang.html.txt"), so
 * a downloaded file opens as what it is, never as a page or a program.
 */
export function nameForType(displayName: string, mediaType: ReplyAttachmentMediaType): string {
  const dot = displayName.lastIndexOf('.');
  const extension = dot > 0 ? displayName.slice(dot + 1).toLowerCase() : '';
  if (EXTENSIONS[mediaType].includes(extension)) return displayName;
  const suffix = `.${EXTENSIONS[mediaType][0]!}`;
  return `${Array.from(displayName)
    .slice(0, MAX_DISPLAY_NAME - suffix.length)
    .join('')}${suffix}`;
}

/** Valid UTF-8 with no control characters but tab, line feed, form feed and carriage return: what "plain text" admits. */
export function isPlainUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * What a file is, from the type sniffed from its bytes (`sniffed`, null when no signature matched)
 * and, failing a signature, whether the bytes are plain UTF-8 text. Never from its name or the
 * type the client declared. Anything off the allow-list, or of no known type, is refused.
 */
export function judgeAttachment(name: string, sniffed: string | null, bytes: Uint8Array): AttachmentVerdict {
  if (bytes.length === 0) return { accepted: false, refusal: { kind: 'EMPTY_FILE', name } };
  const type = sniffed ?? (isPlainUtf8Text(bytes) ? 'text/plain' : null);
  if (!type || !(ReplyAttachmentMediaTypes as readonly string[]).includes(type))
    return { accepted: false, refusal: { kind: 'TYPE_NOT_ALLOWED', name, sniffed: type } };
  return { accepted: true, mediaType: type as ReplyAttachmentMediaType };
}

/** The first limit a reply's files break (count, then each size, then the total), or null. Checked as bytes arrive and again before keeping. */
export function limitBroken(limits: AttachmentLimits, files: ReadonlyArray<{ name: string; sizeBytes: number }>): AttachmentRefusal | null {
  if (files.length > limits.maxFiles) return { kind: 'TOO_MANY_FILES', limit: limits.maxFiles };
  const large = files.find((f) => f.sizeBytes > limits.maxFileBytes);
  if (large) return { kind: 'FILE_TOO_LARGE', name: large.name, limit: limits.maxFileBytes };
  if (files.reduce((sum, f) => sum + f.sizeBytes, 0) > limits.maxTotalBytes) return { kind: 'TOTAL_TOO_LARGE', limit: limits.maxTotalBytes };
  return null;
}

/** The HTTP status that says why: 413 too large or too many, 415 a type not allowed, 400 an empty file or a cut-off request. */
export function refusalStatus(refusal: AttachmentRefusal): 400 | 413 | 415 {
  switch (refusal.kind) {
    case 'FILE_TOO_LARGE':
    case 'TOO_MANY_FILES':
    case 'TOTAL_TOO_LARGE':
      return 413;
    case 'TYPE_NOT_ALLOWED':
      return 415;
    case 'EMPTY_FILE':
    case 'TRUNCATED':
      return 400;
  }
}

/** A size as people read it: 10 MB, 2,5 MB, 900 KB. */
export function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const ALLOWED_VI = 'PDF, JPEG, PNG, WEBP, DOCX, ODT hoặc văn bản thuần (UTF-8)';

/** What the reply page says to the journalist (Vietnamese), with what to do. */
export function refusalMessageVi(refusal: AttachmentRefusal): string {
  switch (refusal.kind) {
    case 'FILE_TOO_LARGE':
      return `Tệp “${refusal.name}” lớn hơn ${humanSize(refusal.limit)}. Xin gửi tệp nhỏ hơn.`;
    case 'TOO_MANY_FILES':
      return `Mỗi phản hồi đính kèm tối đa ${refusal.limit} tệp.`;
    case 'TOTAL_TOO_LARGE':
      return `Tổng dung lượng các tệp đính kèm vượt quá ${humanSize(refusal.limit)}.`;
    case 'TYPE_NOT_ALLOWED':
      return `Tệp “${refusal.name}” không thuộc loại được nhận. Chỉ nhận ${ALLOWED_VI}.`;
    case 'EMPTY_FILE':
      return `Tệp “${refusal.name}” không có nội dung.`;
    case 'TRUNCATED':
      return 'Biểu mẫu gửi lên không đầy đủ (đường truyền bị gián đoạn). Xin gửi lại.';
  }
}

/** The same in the API's language. */
export function refusalMessageEn(refusal: AttachmentRefusal): string {
  switch (refusal.kind) {
    case 'FILE_TOO_LARGE':
      return `“${refusal.name}” is larger than ${refusal.limit} bytes`;
    case 'TOO_MANY_FILES':
      return `A reply attaches at most ${refusal.limit} files`;
    case 'TOTAL_TOO_LARGE':
      return `A reply’s files total at most ${refusal.limit} bytes`;
    case 'TYPE_NOT_ALLOWED':
      return `“${refusal.name}” is ${refusal.sniffed ?? 'of no known type'}; allowed: ${ReplyAttachmentMediaTypes.join(', ')}`;
    case 'EMPTY_FILE':
      return `“${refusal.name}” is empty`;
    case 'TRUNCATED':
      return 'The upload was cut off';
  }
}

const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `content-disposition` of a download: always an attachment (never shown inline), an ASCII
 * fallback name with nothing but letters, digits and `._ ()-`, and the exact name in RFC 5987 form.
 */
export function contentDispositionOf(displayName: string): string {
  const ascii = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ ()-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(displayName)}`;
}
