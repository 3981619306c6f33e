import { MAX_SUBRESOURCES, extractText, extractTitle, imageUrls, linkUrls } from './page-content';

describe('extractText', () => {
  it('keeps the words a reader sees, without scripts, styles or markup', () => {
    const html = `<html><head><title>Tin giả &amp; lũ</title><style>p{color:red}</style></head>
      <body><script>alert('x')</script><h1>Cảnh báo</h1><p>Nước lũ &quot;rút&quot;&nbsp;nhanh</p><!-- ẩn --><div>Dòng&#x20;hai &#272;</div></body></html>`;
    expect(extractText(html)).toBe('Tin giả & lũ\nCảnh báo\nNước lũ "rút" nhanh\nDòng hai Đ');
  });
});

describe('extractTitle', () => {
  it('reads the title, or says there is none', () => {
    expect(extractTitle('<title> Trang  chủ </title>')).toBe('Trang chủ');
    expect(extractTitle('<p>no title</p>')).toBeNull();
  });
});

describe('imageUrls', () => {
  it('resolves image addresses against the page, once each, skipping data: and non-web addresses', () => {
    const html = `<img src="/a.png"><img alt=x src='b.jpg'><img src=/a.png><img src="data:image/png;base64,AA"><img src="javascript:alert(1)"><img src="https://cdn.example.vn/c.gif">`;
    expect(imageUrls(html, 'https://example.vn/bai/1')).toEqual(['https://example.vn/a.png', 'https://example.vn/bai/b.jpg', 'https://cdn.example.vn/c.gif']);
  });

  it('stops at the subresource limit', () => {
    const html = Array.from({ length: 50 }, (_, i) => `<img src="/${i}.png">`).join('');
    expect(imageUrls(html, 'https://example.vn/')).toHaveLength(MAX_SUBRESOURCES);
  });
});

describe('linkUrls', () => {
  it('resolves link addresses against the page, once each, keeping web and mailto links only', () => {
    const html = `<a href="/dang-ky">x</a><a class=btn href='https://thu-phi.online/pay?id=9&amp;b=1'>y</a><a href="/dang-ky">again</a><a href="javascript:void(0)">z</a><a href="mailto:hotro@gmail.com">m</a><a name="top">no href</a>`;
    expect(linkUrls(html, 'https://fake-bank.vn/khuyen-mai')).toEqual([
      'https://fake-bank.vn/dang-ky',
      'https://thu-phi.online/pay?id=9&b=1',
      'mailto:hotro@gmail.com',
    ]);
  });
});
