import { Readable } from 'node:stream';
import sharp, { type Sharp } from 'sharp';
import { testPicture } from '@phoi-hop/testing';
import { isHashablePicture, perceptualHash, phashDistance } from './perceptual-hash';

describe('perceptualHash', () => {
  let original: Buffer;
  let hash: string;

  beforeAll(async () => {
    original = await testPicture(7);
    hash = (await perceptualHash(original))!;
  });

  it('is 64 bits, and the same for the same picture read from a stream', async () => {
    expect(hash).toMatch(/^[01]{64}$/);
    expect(await perceptualHash(Readable.from([original.subarray(0, 1000), original.subarray(1000)]))).toBe(hash);
  });

  it.each<[string, (image: Sharp) => Sharp]>([
    ['re-encoded as a low-quality JPEG', (i) => i.jpeg({ quality: 35 })],
    ['resized to a thumbnail', (i) => i.resize(200).png()],
    ['resized up and re-encoded as WebP', (i) => i.resize(1200).webp({ quality: 60 })],
    ['slightly brightened', (i) => i.modulate({ brightness: 1.08 }).jpeg({ quality: 80 })],
    ['with a thin border cropped off', (i) => i.extract({ left: 8, top: 6, width: 624, height: 468 }).png()],
    ['lightly blurred', (i) => i.blur(1.2).png()],
  ])('puts the same picture %s within 10 bits', async (_name, change) => {
    const near = await change(sharp(original)).toBuffer();
    expect(phashDistance(hash, (await perceptualHash(near))!)).toBeLessThanOrEqual(10);
  });

  it.each([11, 12, 99, 2024])('puts a different picture (seed %i) far away, more than 16 bits', async (seed) => {
    expect(phashDistance(hash, (await perceptualHash(await testPicture(seed)))!)).toBeGreaterThan(16);
  });

  it('hashes nothing that is not a picture', async () => {
    expect(await perceptualHash(Buffer.from('%PDF-1.4\n%%EOF\n'))).toBeNull();
    expect(await perceptualHash(original.subarray(0, 200))).toBeNull();
  });

  it('takes only picture types', () => {
    expect(['image/png', 'image/jpeg', 'image/webp', 'image/gif'].every(isHashablePicture)).toBe(true);
    expect(['application/pdf', 'video/mp4', 'image/svg+xml', 'text/plain; charset=utf-8'].some(isHashablePicture)).toBe(false);
  });
});
