// Pictures for tests of perceptual hashing, drawn with sharp: the same seed draws the same picture.

/** A picture drawn from a seed: coloured shapes on a gradient, like a poster or a photo's blocks. */
export async function testPicture(seed: number, width = 640, height = 480): Promise<Buffer> {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const shapes = Array.from({ length: 14 }, () => {
    const [x, y, r] = [random() * width, random() * height, 20 + random() * 120];
    const fill = `rgb(${Math.floor(random() * 255)},${Math.floor(random() * 255)},${Math.floor(random() * 255)})`;
    return random() > 0.5
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`
      : `<rect x="${x}" y="${y}" width="${r * 1.5}" height="${r}" fill="${fill}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#${(seed * 2_654_435).toString(16).slice(-6).padStart(6, '3')}"/><stop offset="1" stop-color="#fafafa"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  // Loaded when a test draws, so that tests without pictures do not load the native image library.
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
}
