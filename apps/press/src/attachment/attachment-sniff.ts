import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { ReplyAttachmentMediaType } from '@phoi-hop/contracts';
import { displayNameOf, judgeAttachment, nameForType, type AttachmentRefusal } from './attachment.rules';

/** A file that passed the allow-list, ready to keep: its display name, sniffed type, size and SHA-256. */
export interface AcceptedFile {
  name: string;
  mediaType: ReplyAttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
}

/** Sniffs the bytes of a whole file (file-type's signatures, then plain text) and judges it; names (sanitised) and hashes what passes. */
export async function inspectFile(
  rawName: string,
  bytes: Buffer,
): Promise<{ accepted: true; file: AcceptedFile } | { accepted: false; refusal: AttachmentRefusal }> {
  const name = displayNameOf(rawName);
  const sniffed = bytes.length > 0 ? ((await fileTypeFromBuffer(bytes))?.mime ?? null) : null;
  const verdict = judgeAttachment(name, sniffed, bytes);
  if (!verdict.accepted) return verdict;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { accepted: true, file: { name: nameForType(name, verdict.mediaType), mediaType: verdict.mediaType, sizeBytes: bytes.length, sha256, bytes } };
}
