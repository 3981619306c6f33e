export const DOCUMENT_DOWNLOAD_SETTINGS = Symbol('DOCUMENT_DOWNLOAD_SETTINGS');

export interface DocumentDownloadSettings {
  /** Base of the download addresses as clients reach this service (default: this process's own HTTP address). */
  publicUrl: string | null;
  /** The key download addresses are signed with is derived from it (the internal token secret). */
  linkSecret: string;
  /** Documents up to this size also travel inline (base64) in the answer; larger ones only by their address. */
  inlineMaxBytes: number;
}

/**
 * Inline up to 512 KiB: base64 makes it 683 KiB, well under NATS's default 1 MiB payload with the
 * rest of the answer. Larger documents (a PDF dossier, a report with many charts) go by address.
 */
export const INLINE_DOCUMENT_MAX_BYTES_DEFAULT = 512 * 1024;
/** Above this, base64 and the envelope would not fit a 1 MiB NATS message. */
export const INLINE_DOCUMENT_MAX_BYTES_LIMIT = 700_000;
/** How long a download address works: long enough to start the download, short enough not to be passed around. */
export const DOCUMENT_LINK_TTL_SECONDS = 300;
