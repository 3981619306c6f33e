import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor, CaptureWebPageRequest, EvidenceItemDto } from '@phoi-hop/contracts';
import { CaseAccess, caseAgencies } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { EVIDENCE_TOOL, ItemService } from '../item/item.service';
import type { NewItem } from '../item/item.repository';
import { deriveIndicators } from '../indicator/indicator.rules';
import { isHashablePicture, perceptualHash } from '../similarity/perceptual-hash';
import { BLOB_STORE, type BlobStore } from '../storage/blob-store';
import { extractText, extractTitle, imageUrls, linkUrls } from './page-content';
import {
  FetchRefusedError,
  FetchUnavailableError,
  fetchFollowingRedirects,
  fetchOnce,
  judgeUrl,
  type FetchSettings,
  type FetchedExchange,
  type LookupFunction,
} from '@phoi-hop/safe-fetch';
import { renderScreenshot } from './screenshot.renderer';
import { buildWarc } from './warc-writer';

export const CAPTURE_SETTINGS = Symbol('CAPTURE_SETTINGS');
export const CAPTURE_LOOKUP = Symbol('CAPTURE_LOOKUP');

/** Tests only: DNS answers and connection targets of captures (see FetchSettings). */
export interface CaptureNetwork {
  lookup?: LookupFunction;
  connectVia?: FetchSettings['connectVia'];
}

export interface CaptureServiceSettings {
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  chromiumPath: string | null;
}

const USER_AGENT = `Mozilla/5.0 (compatible; ${EVIDENCE_TOOL.name}/${EVIDENCE_TOOL.version}; evidence preservation)`;

/**
 * Server-side capture of a public page (Đ6.2): fetched with the SSRF protections of safe-fetch on
 * every hop, its images too, preserved as a WARC (request, response and metadata records), its
 * text, and a full-page screenshot by headless Chromium rendering only the captured bytes. Without
 * Chromium the item is recorded without a screenshot and says why.
 */
@Injectable()
export class CaptureService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly items: ItemService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CAPTURE_SETTINGS) private readonly settings: CaptureServiceSettings,
    @Inject(CAPTURE_LOOKUP) private readonly network: CaptureNetwork,
  ) {}

  async capture(actor: Actor, request: CaptureWebPageRequest): Promise<EvidenceItemDto> {
    const first = judgeUrl(request.url, this.settings.allowPrivateAddresses);
    if (!first.allowed) throw EvidenceError.badInput('url', `This address is not captured: ${first.reason}`);
    const kase = await this.cases.openCase(request.caseId);
    const fetchSettings: FetchSettings = { ...this.settings, userAgent: USER_AGENT, ...this.network };
    const startedAt = new Date();
    let hops: FetchedExchange[];
    try {
      hops = await fetchFollowingRedirects(request.url, fetchSettings);
    } catch (error) {
      if (error instanceof FetchRefusedError) throw EvidenceError.badInput('url', `This address is not captured: ${error.message}`);
      if (error instanceof FetchUnavailableError) throw EvidenceError.unavailable(`The page could not be fetched: ${error.message}`, 'url');
      throw error;
    }
    const page = hops.at(-1)!;
    const contentType = header(page, 'content-type') ?? '';
    const isHtml = /html/i.test(contentType);
    const html = isHtml ? page.body.toString('utf8') : '';
    const subresources: FetchedExchange[] = [];
    const skipped: { url: string; reason: string }[] = [];
    for (const url of isHtml ? imageUrls(html, page.url) : []) {
      try {
        subresources.push(await fetchOnce(url, fetchSettings));
      } catch (error) {
        // A refused or failing image is noted, never fetched around: the page itself is the evidence.
        skipped.push({ url, reason: String((error as Error)?.message ?? error) });
      }
    }
    const exchanges = [...hops, ...subresources];
    const rendering = await renderScreenshot(this.settings.chromiumPath, page.url, exchanges, this.settings.timeoutMs);
    const text = (rendering.taken && rendering.text) || (isHtml ? extractText(html) : '');
    const metadata = {
      requestedUrl: request.url,
      finalUrl: page.url,
      redirects: hops.slice(0, -1).map((h) => ({ url: h.url, status: h.status })),
      title: isHtml ? extractTitle(html) : null,
      subresources: subresources.map((s) => ({ url: s.url, status: s.status, bytes: s.body.length })),
      skipped,
      screenshot: rendering.taken ? 'TAKEN' : `UNAVAILABLE: ${rendering.reason}`,
      capturedBy: actor.userId,
      capturedByAgency: actor.agencyCode,
      startedAt: startedAt.toISOString(),
      software: `${EVIDENCE_TOOL.name}/${EVIDENCE_TOOL.version}`,
    };
    const warc = await buildWarc(exchanges, page.url, metadata, `${EVIDENCE_TOOL.name}/${EVIDENCE_TOOL.version} (warcio.js)`);
    const warcBlob = await this.blobs.put(Readable.from([warc.bytes]));
    const textBlob = await this.blobs.put(Readable.from([Buffer.from(text, 'utf8')]));
    const parts: NewItem['parts'] = [
      { role: 'WARC', sha256: warcBlob.sha256, sizeBytes: warcBlob.sizeBytes, mimeType: 'application/warc' },
      { role: 'TEXT', sha256: textBlob.sha256, sizeBytes: textBlob.sizeBytes, mimeType: 'text/plain; charset=utf-8' },
    ];
    const imageHashes: NonNullable<NewItem['imageHashes']> = [];
    if (rendering.taken) {
      const shot = await this.blobs.put(Readable.from([rendering.png]));
      parts.push({ role: 'SCREENSHOT', sha256: shot.sha256, sizeBytes: shot.sizeBytes, mimeType: (await fileTypeFromBuffer(shot.head))?.mime ?? 'image/png' });
      const phash = await perceptualHash(rendering.png);
      if (phash) imageHashes.push({ sha256: shot.sha256, source: 'SCREENSHOT', phash });
    }
    // The pictures shown on the page (kept in the WARC): the same picture on another page links the cases.
    for (const image of subresources) {
      const sniffed = (await fileTypeFromBuffer(image.body))?.mime;
      const phash = image.status === 200 && sniffed && isHashablePicture(sniffed) ? await perceptualHash(image.body) : null;
      const sha256 = createHash('sha256').update(image.body).digest('hex');
      if (phash && !imageHashes.some((h) => h.sha256 === sha256)) imageHashes.push({ sha256, source: 'PAGE_IMAGE', phash });
    }
    return this.items.record(actor, {
      id: randomUUID(),
      caseId: kase.id,
      caseNumber: kase.number,
      kind: 'WEB_CAPTURE',
      primary: parts[0]!,
      capturedBy: actor.userId,
      capturedByAgency: actor.agencyCode,
      capturedAt: new Date(),
      toolName: `${EVIDENCE_TOOL.name} capture`,
      toolVersion: `${EVIDENCE_TOOL.version}${rendering.taken ? ' + headless Chromium' : ''}`,
      sourceUrl: request.url,
      fileName: null,
      nameMismatch: false,
      screenshot: rendering.taken ? { status: 'TAKEN', note: null } : { status: 'UNAVAILABLE', note: rendering.reason },
      note: request.note ?? null,
      visibleAgencies: caseAgencies(kase),
      parts,
      imageHashes,
      indicators: deriveIndicators({ text, links: isHtml ? linkUrls(html, page.url) : [], pageUrl: page.url }),
    });
  }
}

function header(exchange: FetchedExchange, name: string): string | undefined {
  return exchange.responseHeaders.find(([n]) => n.toLowerCase() === name)?.[1];
}
