import ipaddr from 'ipaddr.js';

/** Ports a server-side fetch may connect to: the web's own. */
export const WEB_PORTS: readonly number[] = [80, 443];

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a server-side fetch (an evidence capture, a news feed) may connect to an IP address (after DNS resolution, on every hop): only
 * public unicast addresses. Loopback, private, link-local (and so the 169.254.169.254 metadata
 * service), CGNAT, multicast, unspecified, reserved and unique-local ranges are refused; an
 * IPv4-mapped IPv6 address is judged as the IPv4 address it carries. Ranges come from ipaddr.js.
 */
export function judgeAddress(address: string, allowPrivate: boolean): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true };
  if (allowPrivate && (range === 'loopback' || range === 'private' || range === 'uniqueLocal')) return { allowed: true };
  return { allowed: false, reason: `${parsed.toString()} is a ${range} address` };
}

/** Whether a URL may be fetched at all, before any DNS look-up: http(s) on the web's ports (any port with the test allowance). */
export function judgeUrl(raw: string, allowPrivate: boolean): { allowed: true; url: URL } | { allowed: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: false, reason: `${url.protocol} is not http or https` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in a URL are not captured' };
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!WEB_PORTS.includes(port) && !allowPrivate) return { allowed: false, reason: `port ${port} is not 80 or 443` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const verdict = judgeAddress(host, allowPrivate);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true, url };
}
