import { isCalendarDay } from './calendar-day';

describe('isCalendarDay', () => {
  it('accepts real days', () => {
    for (const day of ['2026-02-28', '2028-02-29', '1900-01-01', '9999-12-31']) expect(isCalendarDay(day)).toBe(true);
  });

  it('refuses days that do not exist, other shapes and other types', () => {
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '0000-01-01',
      '1899-12-31',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
      '',
      20260101,
      null,
    ]) {
      expect(isCalendarDay(day)).toBe(false);
    }
  });
});
