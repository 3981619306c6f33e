/**
 * Vietnamese text folded for matching only (never for display or storage): Unicode NFC, lower
 * case, diacritics and đ folded, anything that is not a letter or digit turned into one space.
 * Intake's near-duplicate detection and directory's keyword rules must fold text the same way.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
