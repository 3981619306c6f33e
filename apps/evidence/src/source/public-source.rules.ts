import type { PublicSourceKind, SourcePlatform } from '@phoi-hop/contracts';

/** The public source of a URL: platform, kind, and the public handle or address that names it. */
export interface DerivedSource {
  platform: SourcePlatform;
  kind: PublicSourceKind;
  /** The handle as the address shows it (lower case where the platform ignores case). */
  handle: string;
  /** A canonical public address of the source itself. */
  url: string;
}

/** Facebook paths that are features, not pages. */
const FACEBOOK_RESERVED = new Set(['watch', 'events', 'marketplace', 'gaming', 'reel', 'reels', 'stories', 'photo', 'photo.php', 'permalink.php', 'story.php', 'share', 'sharer', 'login', 'help', 'hashtag', 'search']);

function host(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, '');
}

/**
 * The public source a report's URL points at (Facebook page or group, YouTube channel, TikTok
 * account, or else the website's host). Only what the address itself shows: never a look-up of who
 * is behind an account. Null for what is no http(s) address, or a link that names no source
 * (a Facebook share link, a YouTube video without its channel).
 */
export function deriveSource(raw: string): DerivedSource | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const h = host(url);
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (h === 'facebook.com' || h === 'fb.com') {
    if (segments[0] === 'groups' && segments[1]) return { platform: 'FACEBOOK', kind: 'GROUP', handle: segments[1].toLowerCase(), url: `https://www.facebook.com/groups/${segments[1].toLowerCase()}` };
    if (segments[0] === 'profile.php') {
      const id = url.searchParams.get('id');
      return id && /^\d+$/.test(id) ? { platform: 'FACEBOOK', kind: 'ACCOUNT', handle: id, url: `https://www.facebook.com/profile.php?id=${id}` } : null;
    }
    if (segments[0] === 'pages' && segments[1]) return { platform: 'FACEBOOK', kind: 'PAGE', handle: segments[1].toLowerCase(), url: `https://www.facebook.com/${segments[1].toLowerCase()}` };
    if (segments[0] && !FACEBOOK_RESERVED.has(segments[0].toLowerCase())) return { platform: 'FACEBOOK', kind: 'PAGE', handle: segments[0].toLowerCase(), url: `https://www.facebook.com/${segments[0].toLowerCase()}` };
    return null;
  }
  if (h === 'youtube.com') {
    const first = segments[0] ?? '';
    if (first.startsWith('@')) return { platform: 'YOUTUBE', kind: 'CHANNEL', handle: first.toLowerCase(), url: `https://www.youtube.com/${first.toLowerCase()}` };
    if ((first === 'channel' || first === 'c' || first === 'user') && segments[1]) return { platform: 'YOUTUBE', kind: 'CHANNEL', handle: segments[1], url: `https://www.youtube.com/${first}/${segments[1]}` };
    return null;
  }
  if (h === 'youtu.be') return null;
  if (h === 'tiktok.com') {
    const first = segments[0] ?? '';
    return first.startsWith('@') && first.length > 1 ? { platform: 'TIKTOK', kind: 'ACCOUNT', handle: first.toLowerCase(), url: `https://www.tiktok.com/${first.toLowerCase()}` } : null;
  }
  return { platform: 'WEB', kind: 'WEBSITE', handle: h, url: `https://${h}/` };
}
