import { provinceDay } from '@phoi-hop/contracts';

// Vietnam keeps UTC+7 all year: a province day ends at 17:00 UTC.
const PROVINCE_OFFSET_HOURS = 7;

const dayAfter = (day: string): string => {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

/** Saturday and Sunday are not working days (Labour Code 2019, the public service's five-day week). */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !holidays.has(day);
}

/**
 * The last day of a window of `workingDays` working days that starts the working day after
 * `fromDay` (the day of notice is not counted): weekends and the province's public holidays are
 * skipped. `fromDay` and the answer are province days YYYY-MM-DD.
 */
export function addWorkingDays(fromDay: string, workingDays: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive whole number');
  let day = fromDay;
  let counted = 0;
  while (counted < workingDays) {
    day = dayAfter(day);
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return day;
}

/** The instant a province day ends (23:59:59.999 in UTC+7). */
export function endOfProvinceDay(day: string): Date {
  const start = Date.parse(`${day}T00:00:00Z`) - PROVINCE_OFFSET_HOURS * 3_600_000;
  return new Date(start + 24 * 3_600_000 - 1);
}

/** When a window of `workingDays` working days opened at `at` closes: the end of its last working day. */
export function workingDayDeadline(at: Date, workingDays: number, holidays: ReadonlySet<string>): Date {
  return endOfProvinceDay(addWorkingDays(provinceDay(at), workingDays, holidays));
}
