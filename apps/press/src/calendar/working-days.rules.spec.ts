import { addWorkingDays, endOfProvinceDay, isWorkingDay, workingDayDeadline } from './working-days.rules';

// Quảng Bình's public holidays of 2026 as the seed lists some of them: Reunification Day and Labour Day.
const HOLIDAYS = new Set(['2026-04-30', '2026-05-01', '2026-09-02']);

describe(addWorkingDays.name, () => {
  it('does not count the day of notice, and counts Monday to Friday', () => {
    // Monday 2026-03-02 → Tuesday 3 … Friday 6 are working days 1–4.
    expect(addWorkingDays('2026-03-02', 4, HOLIDAYS)).toBe('2026-03-06');
  });

  it('skips a weekend', () => {
    // Thursday 2026-03-05: Friday 6 is day 1, Saturday 7 and Sunday 8 are skipped, Monday 9 is day 2.
    expect(addWorkingDays('2026-03-05', 2, HOLIDAYS)).toBe('2026-03-09');
  });

  it('skips a weekend and a seeded public holiday: the default 10 working days across 30 April and 1 May', () => {
    // Notice on Monday 2026-04-27: Tue 28, Wed 29 (days 1–2); Thu 30 April and Fri 1 May are holidays;
    // Sat 2, Sun 3 weekend; Mon 4 … Fri 8 (days 3–7); weekend; Mon 11, Tue 12, Wed 13 (days 8–10).
    expect(addWorkingDays('2026-04-27', 10, HOLIDAYS)).toBe('2026-05-13');
    // Without the holidays the window would close two working days earlier.
    expect(addWorkingDays('2026-04-27', 10, new Set())).toBe('2026-05-11');
  });

  it('starts counting after a notice given on a weekend or a holiday', () => {
    expect(addWorkingDays('2026-03-07', 1, HOLIDAYS)).toBe('2026-03-09');
    expect(addWorkingDays('2026-04-30', 1, HOLIDAYS)).toBe('2026-05-04');
  });

  it('refuses a window that is not a positive whole number of days', () => {
    expect(() => addWorkingDays('2026-03-02', 0, HOLIDAYS)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, HOLIDAYS)).toThrow(RangeError);
  });
});

describe(isWorkingDay.name, () => {
  it.each([
    ['2026-03-06', true],
    ['2026-03-07', false],
    ['2026-03-08', false],
    ['2026-09-02', false],
  ])('%s working: %s', (day, working) => {
    expect(isWorkingDay(day, HOLIDAYS)).toBe(working);
  });
});

describe(workingDayDeadline.name, () => {
  it('closes at the end of the last working day in the province (UTC+7)', () => {
    expect(endOfProvinceDay('2026-03-09').toISOString()).toBe('2026-03-09T16:59:59.999Z');
    // 2026-03-05 20:00 UTC is already Friday 6 March in the province: Monday 9 is the first working day after it.
    expect(workingDayDeadline(new Date('2026-03-05T20:00:00Z'), 1, HOLIDAYS).toISOString()).toBe('2026-03-09T16:59:59.999Z');
  });
});
