import { ENUM_LABELS, type LabelledSet } from './enum-labels';
import { fillLabel, labelIn } from './labels';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('ENUM_LABELS', () => {
  it.each(Object.entries(ENUM_LABELS) as Array<[string, LabelledSet]>)('%s: every value has a Vietnamese and an English label, and no label is of another value', (_name, set) => {
    expect(Object.keys(set.labels).sort()).toEqual([...set.values].sort());
    for (const value of set.values) {
      const label = set.labels[value]!;
      expect(label.vi.trim().length).toBeGreaterThan(0);
      expect(label.en.trim().length).toBeGreaterThan(0);
      // A template names the same parameters in both languages.
      expect(placeholders(label.vi)).toEqual(placeholders(label.en));
    }
  });

  it('labels the words front ends used to hard-code', () => {
    expect(ENUM_LABELS.ParticipantRole.labels['LEAD']).toEqual({ vi: 'Chủ trì', en: 'Lead agency' });
    expect(labelIn(ENUM_LABELS.CaseStatus.labels['DECIDED']!, 'VI')).toBe('Đã có kết luận xử lý');
    expect(labelIn(ENUM_LABELS.Finding.labels['FALSE']!, 'EN')).toBe('False');
  });
});

describe(fillLabel.name, () => {
  it('fills the placeholders it has parameters for and leaves the others visible', () => {
    expect(fillLabel('{reports} báo cáo từ {agencies} cơ quan: +{levels} mức', { reports: 12, agencies: 4, levels: 1 })).toBe('12 báo cáo từ 4 cơ quan: +1 mức');
    expect(fillLabel('Địa bàn {locality} không thuộc {listed}', { locality: 'DONG_HOI' })).toBe('Địa bàn DONG_HOI không thuộc {listed}');
  });
});
