/** The type a file's extension promises, for the extensions evidence uploads usually have. */
const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
};

export function typeOfFileName(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? (EXTENSION_TYPES[fileName.slice(dot + 1).toLowerCase()] ?? null) : null;
}

export type UploadVerdict = { accepted: true; mimeType: string; nameMismatch: boolean } | { accepted: false; reason: string };

/**
 * What an upload is, from the type sniffed from its first bytes (never from its name): refused
 * when that type is not on the allow-list (or cannot be told), otherwise recorded as what the bytes
 * are, with `nameMismatch` when the name's extension promised another type.
 */
export function judgeUpload(sniffed: string | null, fileName: string, allowed: readonly string[]): UploadVerdict {
  const claimed = typeOfFileName(fileName);
  if (!sniffed) return { accepted: false, reason: `the bytes are of no known type${claimed ? ` (the name says ${claimed})` : ''}` };
  if (!allowed.includes(sniffed)) return { accepted: false, reason: `${sniffed} is not an allowed type${claimed && claimed !== sniffed ? ` (the name says ${claimed})` : ''}` };
  return { accepted: true, mimeType: sniffed, nameMismatch: claimed !== null && claimed !== sniffed };
}
