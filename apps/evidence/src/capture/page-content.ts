/** Subresources a capture also preserves: the page's images (what a reader of the page saw), at most this many. */
export const MAX_SUBRESOURCES = 20;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The readable text of an HTML page, for search and for people (the WARC keeps the bytes): scripts,
 * styles and markup dropped, block ends as new lines, entities decoded, blank runs collapsed.
 * Headless Chromium's innerText replaces it when a screenshot is rendered.
 */
export function extractText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/title)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The page's title, if it has one. */
export function extractTitle(html: string): string | null {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = match ? decodeEntities(match[1]!).replace(/\s+/g, ' ').trim() : '';
  return title || null;
}

/** Absolute http(s) addresses of the page's images (`<img src>`), in order, without repeats. */
export function imageUrls(html: string, base: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const raw = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (!raw || raw.startsWith('data:')) continue;
    try {
      const url = new URL(raw, base);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !urls.includes(url.toString())) urls.push(url.toString());
    } catch {
      // Not an address: the page's own mistake, nothing to preserve.
    }
    if (urls.length >= MAX_SUBRESOURCES) break;
  }
  return urls;
}

/** Links a page carries for the indicators it shows: absolute http(s) and mailto addresses of `<a href>`, in order, without repeats. */
export const MAX_LINKS = 500;

export function linkUrls(html: string, base: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const raw = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (!raw) continue;
    try {
      const url = new URL(raw, base);
      if (['http:', 'https:', 'mailto:'].includes(url.protocol) && !urls.includes(url.toString())) urls.push(url.toString());
    } catch {
      // Not an address: nothing it could show.
    }
    if (urls.length >= MAX_LINKS) break;
  }
  return urls;
}
