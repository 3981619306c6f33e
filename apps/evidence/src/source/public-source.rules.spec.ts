import { deriveSource } from './public-source.rules';

describe('deriveSource', () => {
  it.each([
    ['https://www.facebook.com/UBNDHuyenLeThuyGiaMao/posts/123', { platform: 'FACEBOOK', kind: 'PAGE', handle: 'ubndhuyenlethuygiamao', url: 'https://www.facebook.com/ubndhuyenlethuygiamao' }],
    ['https://m.facebook.com/groups/choquangbinh/permalink/456/', { platform: 'FACEBOOK', kind: 'GROUP', handle: 'choquangbinh', url: 'https://www.facebook.com/groups/choquangbinh' }],
    ['https://facebook.com/profile.php?id=100012345678', { platform: 'FACEBOOK', kind: 'ACCOUNT', handle: '100012345678', url: 'https://www.facebook.com/profile.php?id=100012345678' }],
    ['https://www.youtube.com/@TinNongQB/videos', { platform: 'YOUTUBE', kind: 'CHANNEL', handle: '@tinnongqb', url: 'https://www.youtube.com/@tinnongqb' }],
    ['https://youtube.com/channel/UC1234abcd', { platform: 'YOUTUBE', kind: 'CHANNEL', handle: 'UC1234abcd', url: 'https://www.youtube.com/channel/UC1234abcd' }],
    ['https://www.tiktok.com/@tin.lu.qb/video/789', { platform: 'TIKTOK', kind: 'ACCOUNT', handle: '@tin.lu.qb', url: 'https://www.tiktok.com/@tin.lu.qb' }],
    ['https://www.baomoi-gia.vn/tin/lu-lut.html', { platform: 'WEB', kind: 'WEBSITE', handle: 'baomoi-gia.vn', url: 'https://baomoi-gia.vn/' }],
  ])('derives the public source of %s', (url, expected) => {
    expect(deriveSource(url)).toEqual(expected);
  });

  it.each(['https://www.facebook.com/watch/?v=1', 'https://www.facebook.com/share/p/abc', 'https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=1', 'https://www.tiktok.com/foryou', 'javascript:alert(1)', 'not a url'])(
    'names no source for %s (the address does not say)',
    (url) => {
      expect(deriveSource(url)).toBeNull();
    },
  );
});
