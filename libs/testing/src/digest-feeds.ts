import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test fixtures of the daily media digest: an RSS, an Atom and a JSON Feed document of 30 Nov 2026 (province
 * time) with overlapping stories, a feed that answers 500 and one that is not XML, served on
 * loopback with ETag and Last-Modified, answering conditional GETs with 304 as a news site does.
 */
export const DIGEST_FIXTURE_DAY = '2026-11-30';
const LAST_MODIFIED = 'Mon, 30 Nov 2026 09:00:00 GMT';

export const DIGEST_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Quảng Bình – Thời sự</title><link>https://baoquangbinh.vn</link><description>Tin</description>
<item><title>Lũ lụt ở Lệ Thủy: hàng trăm hộ dân phải sơ tán</title><link>https://baoquangbinh.vn/thoi-su/lu-lut-le-thuy.html?utm_source=rss</link>
<description><![CDATA[<p>Nước sông Kiến Giang lên nhanh, <b>chính quyền</b> huyện đã sơ tán dân.</p>]]></description><pubDate>Mon, 30 Nov 2026 01:30:00 GMT</pubDate><guid>bqb-1</guid></item>
<item><title>Giá vàng hôm nay tăng nhẹ</title><link>https://baoquangbinh.vn/kinh-te/gia-vang.html</link><description>Thị trường vàng trong nước.</description><pubDate>Mon, 30 Nov 2026 02:00:00 GMT</pubDate></item>
<item><title>Cảnh báo thủ đoạn lừa đảo mạo danh cơ quan thuế</title><link>https://baoquangbinh.vn/phap-luat/lua-dao-thue.html</link><description>Người dân cần cảnh giác.</description><pubDate>Mon, 30 Nov 2026 03:00:00 GMT</pubDate></item>
</channel></rss>`;

export const DIGEST_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Đài PT-TH Quảng Bình</title><id>urn:qbtv</id><updated>2026-11-30T09:00:00Z</updated>
<entry><title>Lu lut o Le Thuy (cap nhat)</title><id>urn:qbtv:1</id><link rel="alternate" href="https://www.baoquangbinh.vn/thoi-su/lu-lut-le-thuy.html"/><published>2026-11-30T04:00:00Z</published><updated>2026-11-30T04:00:00Z</updated><summary>Bản tin cập nhật</summary></entry>
<entry><title>Mua lon keo dai o dong hoi</title><id>urn:qbtv:2</id><link href="https://qbtv.vn/tin/mua-lon-dong-hoi"/><published>2026-11-30T05:00:00Z</published><updated>2026-11-30T05:00:00Z</updated><summary type="html">&lt;p&gt;Nhiều tuyến phố ngập&lt;/p&gt;</summary></entry>
</feed>`;

export const DIGEST_JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Cổng TTĐT tỉnh',
  items: [
    {
      id: 'c1',
      url: 'https://quangbinh.gov.vn/tin/sat-lo-minh-hoa',
      title: 'Sạt lở đất trên quốc lộ 12A',
      content_text: 'Đoạn qua huyện Minh Hóa bị sạt lở.',
      date_published: '2026-11-30T06:00:00Z',
    },
    {
      id: 'c2',
      url: 'https://m.baoquangbinh.vn/phap-luat/lua-dao-thue.html',
      title: 'Lừa đảo mạo danh cơ quan thuế',
      content_text: 'Bài đăng lại.',
      date_published: '2026-11-30T07:00:00Z',
    },
  ],
});

export interface DigestFeedServer {
  base: string;
  /** Requests seen, in order: path, the conditional headers sent, the status answered. */
  requests: { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; status: number }[];
  close(): Promise<void>;
}

export async function startDigestFeedServer(): Promise<DigestFeedServer> {
  const requests: DigestFeedServer['requests'] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const ifNoneMatch = (request.headers['if-none-match'] as string | undefined) ?? null;
    const ifModifiedSince = (request.headers['if-modified-since'] as string | undefined) ?? null;
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, ifNoneMatch, ifModifiedSince, status });
      response.writeHead(status, headers).end(body);
    };
    switch (path) {
      case '/rss.xml':
        // Validated by ETag.
        if (ifNoneMatch === '"rss-v1"') return answer(304, { etag: '"rss-v1"' });
        return answer(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-v1"' }, DIGEST_RSS);
      case '/atom.xml':
        // Validated by Last-Modified only.
        if (ifModifiedSince === LAST_MODIFIED) return answer(304);
        return answer(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'last-modified': LAST_MODIFIED }, DIGEST_ATOM);
      case '/feed.json':
        return answer(200, { 'content-type': 'application/feed+json', etag: 'W/"json-1"', 'last-modified': LAST_MODIFIED }, DIGEST_JSON_FEED);
      case '/broken-500.xml':
        return answer(500, { 'content-type': 'text/plain' }, 'boom');
      case '/broken.xml':
        return answer(200, { 'content-type': 'application/xml' }, '<rss><channel><item><title>cut');
      default:
        return answer(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
