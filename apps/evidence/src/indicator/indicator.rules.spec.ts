import { deriveIndicators, MAX_DERIVED_PER_ITEM, normalizeIndicator } from './indicator.rules';

describe('normalizeIndicator', () => {
  it.each<[Parameters<typeof normalizeIndicator>[0], string, string]>([
    ['DOMAIN', 'https://WWW.Nhan-Ho-Tro.vn/dang-ky?id=1', 'nhan-ho-tro.vn'],
    ['DOMAIN', 'lừa-đảo.vn', 'xn--la-o-2ua4356bkoa.vn'],
    ['DOMAIN', 'sub.example.com.vn', 'sub.example.com.vn'],
    ['PHONE', '0912 345 678', '+84912345678'],
    ['PHONE', '+84 (0)232 3822 123', '+842323822123'],
    ['PHONE', '0987.654.321', '+84987654321'],
    ['BANK_ACCOUNT', '1903 5678 9012 34', '19035678901234'],
    ['BANK_ACCOUNT', '0071-000-123456', '0071000123456'],
    ['EMAIL', 'mailto:HoTro.UBND@Gmail.com', 'hotro.ubnd@gmail.com'],
  ])('%s %s is linked as %s', (kind, value, normalized) => {
    expect(normalizeIndicator(kind, value)).toEqual({ ok: true, normalized });
  });

  it.each<[Parameters<typeof normalizeIndicator>[0], string]>([
    ['DOMAIN', '127.0.0.1'],
    ['DOMAIN', 'localhost'],
    ['DOMAIN', 'not a domain'],
    ['DOMAIN', 'javascript:alert(1)'],
    ['PHONE', '12345'],
    ['PHONE', '0123 456'],
    ['BANK_ACCOUNT', '12345'],
    ['BANK_ACCOUNT', 'STK123456789'],
    ['EMAIL', 'hotro@'],
    ['EMAIL', '   '],
  ])('refuses %s %j, saying why', (kind, value) => {
    expect(normalizeIndicator(kind, value)).toEqual({ ok: false, reason: expect.stringMatching(/value must/) });
  });
});

describe('deriveIndicators', () => {
  const post = [
    'THÔNG BÁO: UBND huyện hỗ trợ 5 triệu đồng cho mỗi hộ bị lũ lụt.',
    'Đăng ký tại nhan-ho-tro-lulut.vn hoặc https://ubnd-lethuy.xyz/dang-ky trước ngày 30.',
    'Phí hồ sơ 200.000đ chuyển vào STK: 1903 5678 9012 34 Techcombank, hoặc số tài khoản 0071000123456.',
    'Liên hệ cán bộ Hùng 0912 345 678 (Zalo 0987.654.321), email hotro.ubnd@gmail.com.',
    'Năm 2024, mã hồ sơ 123456789, giá 1.500.000 đồng.',
  ].join('\n');

  it('finds the domains, phone numbers, announced account numbers and e-mail a scam post prints, as shown', () => {
    expect(deriveIndicators({ text: post })).toEqual([
      { kind: 'DOMAIN', value: 'nhan-ho-tro-lulut.vn', normalized: 'nhan-ho-tro-lulut.vn' },
      { kind: 'DOMAIN', value: 'https://ubnd-lethuy.xyz/dang-ky', normalized: 'ubnd-lethuy.xyz' },
      { kind: 'EMAIL', value: 'hotro.ubnd@gmail.com', normalized: 'hotro.ubnd@gmail.com' },
      { kind: 'PHONE', value: '0912 345 678', normalized: '+84912345678' },
      { kind: 'PHONE', value: '0987.654.321', normalized: '+84987654321' },
      { kind: 'BANK_ACCOUNT', value: '1903 5678 9012 34', normalized: '19035678901234' },
      { kind: 'BANK_ACCOUNT', value: '0071000123456', normalized: '0071000123456' },
    ]);
  });

  it('takes no bare numbers (years, amounts, file numbers) for phones or accounts', () => {
    expect(deriveIndicators({ text: 'Năm 2024, mã hồ sơ 123456789, giá 1.500.000 đồng, 30/4/2025.' })).toEqual([]);
  });

  it('takes the domains of a page’s links, but not its own site or the platforms everything links to', () => {
    const found = deriveIndicators({
      text: '',
      pageUrl: 'https://www.fake-bank.vn/khuyen-mai',
      links: [
        'https://fake-bank.vn/dang-nhap',
        'https://cdn.fake-bank.vn/a.js',
        'https://www.facebook.com/sharer.php?u=1',
        'https://m.youtube.com/watch?v=1',
        'https://t.me/hotro_khachhang',
        'https://thu-phi.online/pay?id=9',
        'http://THU-PHI.online/other',
        'mailto:someone@example.com',
        'http://10.0.0.1/admin',
      ],
    });
    expect(found).toEqual([
      { kind: 'DOMAIN', value: 'https://thu-phi.online/pay?id=9', normalized: 'thu-phi.online' },
      { kind: 'EMAIL', value: 'someone@example.com', normalized: 'someone@example.com' },
    ]);
  });

  it('keeps each indicator once, and at most a bounded number per item', () => {
    expect(deriveIndicators({ text: 'Gọi 0912345678, lại 0912 345 678, lại +84912345678' })).toHaveLength(1);
    const links = Array.from({ length: 80 }, (_, i) => `https://site-${i}.vn/`);
    expect(deriveIndicators({ text: '', links })).toHaveLength(MAX_DERIVED_PER_ITEM);
  });
});
