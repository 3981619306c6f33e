import { decodeSignature, encodeSignature, estimateSimilarity, fingerprintText, normalizeForMatching, shingles } from './text-fingerprint';

const RUMOUR =
  'Khẩn cấp: đập thủy điện phía thượng nguồn sông Kiến Giang đã bị vỡ lúc 3 giờ sáng nay, nước lũ đang tràn về ' +
  'các xã An Thủy, Phong Thủy và thị trấn Kiến Giang của huyện Lệ Thủy. Chính quyền đang giấu thông tin, người dân ' +
  'hãy sơ tán ngay lên vùng cao và chia sẻ tin này cho tất cả người thân, bạn bè trước khi quá muộn.';
const EDITED = RUMOUR.replace('3 giờ sáng nay', '4 giờ sáng nay').replace('trước khi quá muộn', 'trước khi quá muộn!!!') + ' Chia sẻ ngay!';
const UNRELATED =
  'Tuyển cộng tác viên bán hàng online tại nhà, thu nhập 500 nghìn mỗi ngày, chỉ cần nộp phí giữ chỗ 200 nghìn qua ' +
  'tài khoản ngân hàng, liên hệ qua Zalo để được hướng dẫn nhận việc ngay trong hôm nay, số lượng có hạn.';
const UNRELATED_2 =
  'Sở Y tế thông báo lịch tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại các trạm y tế xã trên địa bàn thành phố ' +
  'Đồng Hới trong tuần tới, phụ huynh mang theo sổ tiêm chủng và đến đúng giờ theo lịch hẹn của trạm y tế.';

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('text fingerprint', () => {
  it('normalises case, diacritics, punctuation and links for matching', () => {
    expect(normalizeForMatching('  ĐẬP Thủy-điện   VỠ!!! https://x.vn/a?b=1 ')).toBe('dap thuy dien vo');
    expect(normalizeForMatching('Lê\u0323')).toBe(normalizeForMatching('Lệ'));
  });

  it('shingles words, keeping a short text as one shingle', () => {
    expect([...shingles('a b c d')]).toEqual(['a b c', 'b c d']);
    expect([...shingles('a b')]).toEqual(['a b']);
    expect(shingles('').size).toBe(0);
  });

  it('scores the same text 1, and the same text without diacritics or in capitals above 0.95', () => {
    const a = fingerprintText(RUMOUR);
    expect(estimateSimilarity(a.signature, fingerprintText(RUMOUR).signature)).toBe(1);
    expect(estimateSimilarity(a.signature, fingerprintText(fold(RUMOUR)).signature)).toBeGreaterThanOrEqual(0.95);
    expect(estimateSimilarity(a.signature, fingerprintText(RUMOUR.toUpperCase().replace(/,/g, ' ,  ')).signature)).toBeGreaterThanOrEqual(0.95);
  });

  it('scores a lightly edited text high and unrelated texts low', () => {
    const a = fingerprintText(RUMOUR);
    const edited = fingerprintText(EDITED);
    const similarity = estimateSimilarity(a.signature, edited.signature);
    expect(similarity).toBeGreaterThanOrEqual(0.6);
    expect(a.bandKeys.some((key) => edited.bandKeys.includes(key))).toBe(true);
    for (const other of [UNRELATED, UNRELATED_2]) {
      const o = fingerprintText(other);
      expect(estimateSimilarity(a.signature, o.signature)).toBeLessThanOrEqual(0.1);
      expect(a.bandKeys.some((key) => o.bandKeys.includes(key))).toBe(false);
    }
  });

  it('is deterministic, with band keys in the signed 64-bit range', () => {
    const a = fingerprintText(RUMOUR);
    const b = fingerprintText(RUMOUR);
    expect(a.bandKeys).toEqual(b.bandKeys);
    expect(a.bandKeys).toHaveLength(32);
    expect(new Set(a.bandKeys).size).toBe(32);
    for (const key of a.bandKeys) {
      expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(BigInt(key)).toBeLessThan(2n ** 63n);
    }
  });

  it('gives an empty text no band keys, so it matches nothing', () => {
    expect(fingerprintText('  !!! ').bandKeys).toEqual([]);
  });

  it('round-trips signatures through bytea', () => {
    const { signature } = fingerprintText(RUMOUR);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
  });

  it('fingerprints a 20,000-character text quickly', () => {
    const long = (RUMOUR + ' ' + UNRELATED + ' ').repeat(40).slice(0, 20_000);
    const started = performance.now();
    const fp = fingerprintText(long);
    expect(performance.now() - started).toBeLessThan(500);
    expect(fp.shingleCount).toBeGreaterThan(50);
  });
});
