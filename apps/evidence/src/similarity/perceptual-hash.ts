import type { Readable } from 'node:stream';
import sharp from 'sharp';
import phash from 'sharp-phash';
import hammingDistance from 'sharp-phash/distance';

/** Bits of a perceptual hash (sharp-phash: the 8×8 low frequencies of a 32×32 DCT). */
export const PHASH_BITS = 64;

/** Pictures larger than this many pixels are not hashed (decoding bombs); they are still kept as evidence. */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * The 64-bit perceptual hash of a picture, as 64 '0'/'1' characters (the text form of a Postgres
 * bit(64)); null when the bytes are no picture that can be decoded. The picture streams through
 * sharp, oriented by its EXIF, flattened on white and reduced to a small grey square first, so a
 * 100 MB upload is never held whole: re-encodings, resizes and slight edits of one picture land a
 * few bits apart, different pictures about half of them.
 */
export async function perceptualHash(source: Readable | Buffer): Promise<string | null> {
  try {
    const reducer = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize(128, 128, { fit: 'fill' })
      .png();
    const reduced = Buffer.isBuffer(source) ? await reducer.end(source).toBuffer() : await source.pipe(reducer).toBuffer();
    const bits = await phash(reduced);
    return /^[01]{64}$/.test(bits) ? bits : null;
  } catch {
    return null;
  }
}

/** In how many of the 64 bits two perceptual hashes differ. */
export function phashDistance(a: string, b: string): number {
  return hammingDistance(a, b);
}

/** MIME types (sniffed) whose bytes are pictures worth hashing. */
export function isHashablePicture(mimeType: string): boolean {
  return /^image\/(png|jpeg|gif|webp|avif|tiff|bmp)$/.test(mimeType.split(';')[0]!.trim());
}
