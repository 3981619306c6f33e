import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Whether `value` is a real calendar day written YYYY-MM-DD (2026-02-28, not 2026-02-30), from 1900 on. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number(value.slice(0, 4)) < 1900) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day field (due date, effective date): a real calendar day, so that no database refuses it later. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: { validate: (value) => isCalendarDay(value), defaultMessage: (args) => `${args?.property ?? 'value'} must be a date YYYY-MM-DD` },
    },
    options,
  );
}
