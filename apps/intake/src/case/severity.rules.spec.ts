import { suggestSeverity, type SpreadSignals } from './severity.rules';

const quiet: SpreadSignals = { maxReportedReach: null, reports: 1, reportingAgencies: 1, localities: 1 };

describe(suggestSeverity.name, () => {
  it('keeps the category default for a single, local report', () => {
    expect(suggestSeverity('MEDIUM', quiet)).toEqual({ severity: 'MEDIUM', reasons: [], factors: [] });
  });

  it('raises one level for wide reach and two for very wide reach', () => {
    expect(suggestSeverity('LOW', { ...quiet, maxReportedReach: 9_999 }).severity).toBe('LOW');
    expect(suggestSeverity('LOW', { ...quiet, maxReportedReach: 10_000 }).severity).toBe('MEDIUM');
    expect(suggestSeverity('LOW', { ...quiet, maxReportedReach: 250_000 })).toEqual({
      severity: 'HIGH',
      reasons: ['Lượt tiếp cận ước tính 250.000 (từ 100.000): +2 mức'],
      factors: [{ reason: 'VERY_WIDE_REACH', levels: 2, params: { reach: 250_000, threshold: 100_000 } }],
    });
  });

  it('raises for many reports or reporting agencies, and for spread across localities', () => {
    expect(suggestSeverity('LOW', { ...quiet, reports: 5 }).severity).toBe('MEDIUM');
    expect(suggestSeverity('LOW', { ...quiet, reports: 3, reportingAgencies: 3 }).severity).toBe('MEDIUM');
    expect(suggestSeverity('LOW', { ...quiet, reports: 4, reportingAgencies: 2 }).severity).toBe('LOW');
    expect(suggestSeverity('LOW', { ...quiet, localities: 2 }).reasons).toEqual(['Lan rộng 2 địa bàn: +1 mức']);
  });

  it('adds the reasons up and stops at CRITICAL', () => {
    const everything = { maxReportedReach: 1_000_000, reports: 12, reportingAgencies: 4, localities: 3 };
    expect(suggestSeverity('LOW', everything)).toMatchObject({ severity: 'CRITICAL' });
    expect(suggestSeverity('LOW', everything).reasons).toHaveLength(3);
    expect(suggestSeverity('LOW', everything).factors.map((f) => f.reason)).toEqual(['VERY_WIDE_REACH', 'MANY_REPORTS', 'MANY_LOCALITIES']);
    expect(suggestSeverity('LOW', everything).reasons[1]).toBe('12 báo cáo từ 4 cơ quan: +1 mức');
    expect(suggestSeverity('HIGH', { ...quiet, localities: 2 }).severity).toBe('CRITICAL');
  });
});
