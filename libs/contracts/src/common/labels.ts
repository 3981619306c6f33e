/** Languages the platform labels its closed sets in: Vietnamese for users, English for developers and reports abroad. */
export const Languages = ['VI', 'EN'] as const;
export type Language = (typeof Languages)[number];

/** What a front end shows for one value of a closed set. */
export interface Label {
  vi: string;
  en: string;
}

export const LANGUAGE_LABELS = {
  VI: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  EN: { vi: 'Tiếng Anh', en: 'English' },
} as const satisfies { readonly [L in Language]: Label };

/**
 * One label per value of a closed set: `satisfies LabelsOf<Value>` makes a value without a label
 * (or a label of no value) a compile error, so a new value of an `as const` list cannot ship unlabelled.
 */
export type LabelsOf<Value extends string> = { readonly [V in Value]: Label };

/** The label of `value` in `language`. */
export function labelIn(label: Label, language: Language): string {
  return language === 'VI' ? label.vi : label.en;
}

/**
 * A label with `{name}` placeholders (an explanation with numbers in it) filled from `params`;
 * a placeholder without a parameter is left as it is, so a missing value shows rather than vanishes.
 */
export function fillLabel(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
