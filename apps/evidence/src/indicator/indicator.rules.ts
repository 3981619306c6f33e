// The full metadata: the default one takes any 9 digits for a Vietnamese number.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LinkifyIt } from 'linkify-it';
import { parse as parseDomain } from 'tldts';
import type { IndicatorKind } from '@phoi-hop/contracts';

/** An indicator as the content showed it, with the form cases are linked by. */
export interface FoundIndicator {
  kind: IndicatorKind;
  value: string;
  normalized: string;
}

export type Normalised = { ok: true; normalized: string } | { ok: false; reason: string };

/** Derived indicators kept per item at most: a page full of links is not a page full of indicators. */
export const MAX_DERIVED_PER_ITEM = 50;

/**
 * Domains whose links say nothing about who runs a scam: the platforms the content is published on
 * (their pages are public sources, not indicators), search, maps and the web's plumbing. A link to
 * one of them would link every case that shows it.
 */
const COMMON_DOMAINS = new Set([
  'facebook.com',
  'fb.com',
  'fb.me',
  'fb.watch',
  'messenger.com',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  'tiktok.com',
  'zalo.me',
  'zaloapp.com',
  'twitter.com',
  'x.com',
  't.me',
  'telegram.org',
  'google.com',
  'google.com.vn',
  'goo.gl',
  'apple.com',
  'microsoft.com',
  'w3.org',
  'schema.org',
  'gstatic.com',
  'googleapis.com',
  'cloudflare.com',
  'wordpress.org',
  'gravatar.com',
]);

/** Top-level domains common in scam links that linkify-it does not know by default (two-letter ones it knows). */
const EXTRA_TLDS = ['xyz', 'top', 'online', 'site', 'vip', 'icu', 'live', 'link', 'app', 'club', 'store', 'shop', 'cc', 'info', 'fun', 'asia'];

const linkify = new LinkifyIt({ fuzzyLink: true }).tlds(EXTRA_TLDS, true);

/**
 * A bank account number printed after the words that announce one ("STK", "số tài khoản", "tài
 * khoản số", "account number"): digits alone are too often something else to be taken as accounts.
 */
const BANK_ACCOUNT =
  /(?<![\p{L}\p{N}])(?:stk|số\s*tk|so\s*tk|số\s+tài\s+khoản|so\s+tai\s+khoan|tài\s+khoản\s+số|tai\s+khoan\s+so|account\s+(?:number|no\.?))\s*(?:là|:|：|\.|-)?\s*(\d(?:[ .-]?\d){5,18})(?![\p{N}])/giu;

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** The form an indicator is linked by; refusal says why the value is no such indicator. */
export function normalizeIndicator(kind: IndicatorKind, raw: string): Normalised {
  const value = raw.trim();
  if (!value) return { ok: false, reason: 'value must not be blank' };
  switch (kind) {
    case 'DOMAIN': {
      const host = hostOf(value);
      return host ? { ok: true, normalized: host } : { ok: false, reason: 'value must be a domain name or a link (e.g. lua-dao.vn)' };
    }
    case 'PHONE': {
      const phone = parsePhoneNumberFromString(value, 'VN');
      return phone?.isValid()
        ? { ok: true, normalized: phone.number }
        : { ok: false, reason: 'value must be a valid phone number (Vietnamese unless it starts with +)' };
    }
    case 'BANK_ACCOUNT': {
      const digits = value.replace(/[\s.-]/g, '');
      return /^\d{6,19}$/.test(digits) ? { ok: true, normalized: digits } : { ok: false, reason: 'value must be an account number of 6 to 19 digits' };
    }
    case 'EMAIL': {
      const email = value.replace(/^mailto:/i, '').toLowerCase();
      const host = EMAIL.test(email) ? hostOf(email.split('@')[1]!) : null;
      return host ? { ok: true, normalized: `${email.split('@')[0]}@${host}` } : { ok: false, reason: 'value must be an e-mail address' };
    }
  }
}

/**
 * The indicators a captured page or an excerpt shows: domains of the links in it (other than the
 * page's own site and the common platforms), valid phone numbers (Vietnamese unless written with a
 * country code), bank account numbers announced as such, and e-mail addresses. Each once per
 * normalised form, in the order they appear, at most MAX_DERIVED_PER_ITEM.
 */
export function deriveIndicators(input: { text: string; links?: string[]; pageUrl?: string | null }): FoundIndicator[] {
  const own = input.pageUrl ? registrable(input.pageUrl) : null;
  const found: FoundIndicator[] = [];
  const seen = new Set<string>();
  const add = (kind: IndicatorKind, value: string) => {
    const normal = normalizeIndicator(kind, value);
    if (!normal.ok || seen.has(`${kind}:${normal.normalized}`)) return;
    if (kind === 'DOMAIN') {
      const site = registrable(normal.normalized);
      if (!site || site === own || COMMON_DOMAINS.has(site) || COMMON_DOMAINS.has(normal.normalized)) return;
    }
    seen.add(`${kind}:${normal.normalized}`);
    found.push({ kind, value: value.trim().slice(0, 300), normalized: normal.normalized });
  };
  for (const link of input.links ?? []) {
    if (/^mailto:/i.test(link)) add('EMAIL', decodeURIComponent(link.slice(7).split('?')[0]!));
    else add('DOMAIN', link);
  }
  for (const match of linkify.match(input.text) ?? []) {
    if (match.schema === 'mailto:') add('EMAIL', match.text);
    else if (match.schema === '' || match.schema === 'http:' || match.schema === 'https:') add('DOMAIN', match.text);
  }
  for (const match of findPhoneNumbersInText(input.text, { defaultCountry: 'VN' })) {
    const shown = input.text.slice(match.startsAt, match.endsAt);
    // Numbers are written with their trunk 0 or a country code; bare digits are amounts, years, file numbers.
    if (match.number.isValid() && /^(\+|0|\(0)/.test(shown)) add('PHONE', shown);
  }
  for (const match of input.text.matchAll(BANK_ACCOUNT)) add('BANK_ACCOUNT', match[1]!);
  return found.slice(0, MAX_DERIVED_PER_ITEM);
}

/** The host of a domain or link, lower case, in its ASCII (punycode) form, without `www.`; null for IPs and non-domains. */
function hostOf(value: string): string | null {
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value) && !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    host = url.hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
  const parsed = parseDomain(host);
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return host.replace(/^www\./, '');
}

/** The registrable domain (eTLD+1) of a host or link. */
function registrable(value: string): string | null {
  const host = hostOf(value);
  return host ? parseDomain(host).domain : null;
}
