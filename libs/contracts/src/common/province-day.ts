// Vietnam keeps UTC+7 all year (no daylight saving), and agency, provision and due dates are local days.
const PROVINCE_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) in the province at an instant. */
export function provinceDay(at: Date = new Date()): string {
  return new Date(at.getTime() + PROVINCE_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
