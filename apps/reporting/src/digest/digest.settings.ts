import type { FetchSettings } from '@phoi-hop/safe-fetch';

export const DIGEST_SETTINGS = Symbol('DIGEST_SETTINGS');

export interface DigestSettings {
  /** Tests only: feeds may be on loopback and private addresses, any port (refused in production). */
  allowPrivateAddresses: boolean;
  fetchTimeoutMs: number;
  /** Largest feed document, in bytes. */
  maxBytes: number;
  maxRedirects: number;
  /** Run the feed poller in this process (replicas share it: each due feed is polled by one). */
  pollerEnabled: boolean;
  /** How often the poller looks for due feeds. */
  tickMs: number;
  /** Base of the .docx download addresses (default: this process's own HTTP address). */
  publicUrl: string | null;
  /** The key download addresses are signed with is derived from it (the internal token secret). */
  linkSecret: string;
  /** Tests only: DNS answers and connection targets of fetches (see FetchSettings). */
  network?: Pick<FetchSettings, 'lookup' | 'connectVia'>;
}

/** The poll interval of a feed added without one. */
export const DEFAULT_POLL_MINUTES = 30;
export const DIGEST_USER_AGENT = 'PhoiHop-Digest/1.0 (+bao cao diem bao; So TT&TT)';
