import { createHash } from 'node:crypto';

export type CanonicalUrlResult = { ok: true; url: string } | { ok: false; reason: 'INVALID_URL' | 'UNSUPPORTED_SCHEME' | 'TOO_LONG'; message: string };

export const MAX_URL_LENGTH = 2048;

/** Query parameters that track the sharer, not the content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'igsh',
  'si',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  '_ga',
  'zarsrc',
  'zarsid',
  'mibextid',
  'rdid',
  'share_id',
  'sharer_id',
  '_r',
  '_t',
  'is_from_webapp',
  'sender_device',
  'feature',
  'pp',
]);
const TRACKING_PREFIXES = ['utm_', '__cft__', '__tn__', 'hc_', 'share_'];
/** Host labels that serve the same page as the bare host. */
const ALIAS_LABELS = ['www.', 'm.', 'mobile.', 'touch.', 'mbasic.', 'web.'];
const FACEBOOK_HOSTS = new Set(['facebook.com', 'fb.com']);
const YOUTUBE_HOSTS = new Set(['youtube.com', 'music.youtube.com', 'youtube-nocookie.com']);
const X_HOSTS = new Set(['twitter.com', 'x.com']);

function fail(reason: 'INVALID_URL' | 'UNSUPPORTED_SCHEME' | 'TOO_LONG', message: string): CanonicalUrlResult {
  return { ok: false, reason, message };
}

function stripAliases(host: string): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const label of ALIAS_LABELS) {
      if (host.startsWith(label) && host.split('.').length > 2) {
        host = host.slice(label.length);
        changed = true;
      }
    }
  }
  return host;
}

function isTracking(name: string, host: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p))) return true;
  return key === 's' && X_HOSTS.has(host);
}

function build(host: string, path: string, params: Array<[string, string]> = []): string {
  const url = new URL(`https://${host}`);
  url.pathname = path;
  for (const [k, v] of params) url.searchParams.append(k, v);
  return url.toString();
}

function trimPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

function youtube(host: string, url: URL): string | null {
  if (host === 'youtu.be') {
    const id = url.pathname.split('/')[1];
    return id && YOUTUBE_ID.test(id) ? build('youtube.com', '/watch', [['v', id]]) : null;
  }
  if (!YOUTUBE_HOSTS.has(host)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | null | undefined = null;
  if (parts[0] === 'watch') id = url.searchParams.get('v');
  else if (['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? '')) id = parts[1];
  return id && YOUTUBE_ID.test(id) ? build('youtube.com', '/watch', [['v', id]]) : null;
}

function facebook(url: URL): string {
  const path = trimPath(url.pathname);
  const parts = path.split('/').filter(Boolean);
  const q = url.searchParams;
  const storyId = q.get('story_fbid');
  const ownerId = q.get('id');
  if ((path === '/permalink.php' || path === '/story.php') && storyId && ownerId) return build('facebook.com', `/${ownerId}/posts/${storyId}`);
  if ((parts[0] === 'watch' || path === '/watch') && q.get('v')) return build('facebook.com', '/watch', [['v', q.get('v')!]]);
  if (path === '/photo.php' || path === '/photo') {
    const fbid = q.get('fbid');
    return fbid ? build('facebook.com', '/photo', [['fbid', fbid]]) : build('facebook.com', path);
  }
  if (parts[0] === 'groups' && parts[2] === 'permalink' && parts[3]) return build('facebook.com', `/groups/${parts[1]}/posts/${parts[3]}`);
  return build('facebook.com', path);
}

/**
 * The one form of a URL that names the same content, so that reports of one post through different
 * links join one case: https, lower-case host without www./m./mobile., no fragment, no tracking
 * parameters, sorted query; YouTube and Facebook link forms reduced to one. Idempotent.
 */
export function canonicalizeUrl(input: string): CanonicalUrlResult {
  if (typeof input !== 'string') return fail('INVALID_URL', 'url must be a string');
  const raw = input.trim();
  if (raw.length === 0) return fail('INVALID_URL', 'url must not be empty');
  if (raw.length > MAX_URL_LENGTH) return fail('TOO_LONG', `url is longer than ${MAX_URL_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f\s]/.test(raw)) return fail('INVALID_URL', 'url must not contain spaces or control characters');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  // "example.vn:8080/x" is a host and port without a scheme, not a scheme called "example.vn".
  const hostWithPort = /^[a-z0-9.-]+\.[a-z0-9-]+:\d+(\/|$)/i.test(raw);
  if (scheme && !hostWithPort && scheme !== 'http' && scheme !== 'https') {
    return fail('UNSUPPORTED_SCHEME', `url must be an http or https address, not ${scheme}:`);
  }
  const withScheme = scheme && !hostWithPort ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('INVALID_URL', 'url is not a valid address');
  }
  if (!url.hostname || (!url.hostname.includes('.') && !url.hostname.startsWith('['))) return fail('INVALID_URL', 'url has no valid host');
  if (url.username || url.password) return fail('INVALID_URL', 'url must not contain credentials');
  let host = stripAliases(url.hostname.toLowerCase().replace(/\.$/, ''));

  const yt = youtube(host, url);
  if (yt) return { ok: true, url: yt };
  if (FACEBOOK_HOSTS.has(host)) return { ok: true, url: facebook(url) };
  if (X_HOSTS.has(host)) {
    host = 'x.com';
    return { ok: true, url: build(host, trimPath(url.pathname).replace(/\/(photo|video)\/\d+$/, '')) };
  }
  if (host === 'tiktok.com' && /^\/@[^/]+\/video\/\d+/.test(url.pathname)) return { ok: true, url: build(host, trimPath(url.pathname)) };

  const params = [...url.searchParams.entries()].filter(([name]) => !isTracking(name, host));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  return { ok: true, url: build(`${host}${port}`, trimPath(url.pathname), params) };
}

/** An indexed lookup key for a canonical URL. */
export function contentKeyOf(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex');
}
