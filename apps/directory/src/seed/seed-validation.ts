import { ParticipantRoles, PressRuleSets, REFERENCE_CODE_PATTERN, Roles, Severities } from '@phoi-hop/contracts';
import {
  AgencyKinds,
  LocalityKinds,
  type ProvinceSeed,
  type SeedAgency,
  type SeedCategory,
  type SeedLocality,
  type SeedPressRule,
  type SeedPublicHoliday,
  type SeedRule,
  type SeedSector,
  type SeedUser,
} from './seed.types';

/** One inconsistency of a seed folder: the file, the JSON path inside it, what is wrong. */
export interface SeedIssue {
  file: string;
  path: string;
  message: string;
}

const ROLES = new Set<string>(Object.values(Roles));
const CONDITION_KEYS = ['always', 'categoryTagsAny', 'categoriesAny', 'sectorsAny', 'localitiesAny', 'severitiesAny', 'keywordsAny'] as const;
const USERNAME = /^[a-z0-9._-]{2,64}$/;
const AGENCIES = 'agencies.json';
const LOCALITIES = 'localities.json';
const SECTORS = 'sectors.json';
const CATEGORIES = 'categories.json';
const RULES = 'rules.json';
const USERS = 'users.json';
const PRESS_RULES = 'press-rules.json';
const HOLIDAYS = 'public-holidays.json';

/** The object rows of a seed array, each with its index. */
type Rows<T> = Array<[T & Record<string, unknown>, number]>;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function dayAfter(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first code met twice when following `next` from `start`, or null when the chain ends. */
function cycleFrom(start: string, next: (code: string) => string | null | undefined): string | null {
  const seen = new Set<string>([start]);
  for (let code = next(start); code; code = next(code)) {
    if (seen.has(code)) return code;
    seen.add(code);
  }
  return null;
}

/** The codes each file defines, which the other files refer to. */
interface KnownCodes {
  agencies: Set<string>;
  localities: Set<string>;
  sectors: Set<string>;
  categories: Set<string>;
}

/** The field checkers of every seed file: each reports on `file` at `at` and says whether the value is usable. */
class SeedChecks {
  readonly issues: SeedIssue[] = [];
  agencyCodes = new Set<string>();

  issue(file: string, at: string, message: string): void {
    this.issues.push({ file, path: at, message });
  }

  text(file: string, at: string, value: unknown): value is string {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.issue(file, at, 'must be a non-empty string');
    return false;
  }

  optionalText(file: string, at: string, value: unknown): void {
    if (value !== undefined && value !== null) this.text(file, at, value);
  }

  code(file: string, at: string, value: unknown): value is string {
    if (typeof value === 'string' && REFERENCE_CODE_PATTERN.test(value)) return true;
    this.issue(file, at, `${JSON.stringify(value)} is not a code (${REFERENCE_CODE_PATTERN.source})`);
    return false;
  }

  date(file: string, at: string, value: unknown): value is string | null {
    if (value === null || (typeof value === 'string' && isRealDate(value))) return true;
    this.issue(file, at, value === undefined ? 'is required (YYYY-MM-DD, or null)' : `${JSON.stringify(value)} is not a date (YYYY-MM-DD, or null)`);
    return false;
  }

  oneOf(file: string, at: string, value: unknown, allowed: readonly string[], what: string): void {
    if (!allowed.includes(value as string)) this.issue(file, at, `unknown ${what} ${JSON.stringify(value)} (one of ${allowed.join(', ')})`);
  }

  /** The object rows of an array at `at` (non-objects are reported and skipped). */
  rows<T>(file: string, value: T[] | undefined, at = ''): Rows<T> {
    if (!Array.isArray(value)) {
      this.issue(file, at || '$', at ? 'must be an array (empty if none)' : 'must be an array');
      return [];
    }
    const usable: Rows<T> = [];
    value.forEach((row, i) => (isObject(row) ? usable.push([row as T & Record<string, unknown>, i]) : this.issue(file, `${at}[${i}]`, 'must be an object')));
    return usable;
  }

  /** Checks the format and uniqueness of each row's key; returns the set of valid keys. */
  keys<T extends Record<string, unknown>>(
    file: string,
    list: Array<[T, number]>,
    key: string,
    check: (at: string, value: unknown) => boolean,
    prefix = '',
  ): Set<string> {
    const seen = new Set<string>();
    for (const [row, i] of list) {
      const at = `${prefix}[${i}].${key}`;
      const value = row[key];
      if (!check(at, value)) continue;
      if (seen.has(value as string)) this.issue(file, at, `duplicate ${JSON.stringify(value)}`);
      seen.add(value as string);
    }
    return seen;
  }

  reference(file: string, at: string, value: unknown, known: Set<string>, what: string, nullable: boolean): value is string {
    if (nullable && value === null) return false;
    if (value === undefined) this.issue(file, at, nullable ? 'is required (a code, or null)' : 'is required');
    else if (typeof value !== 'string' || !known.has(value)) this.issue(file, at, `unknown ${what} ${JSON.stringify(value)}`);
    else return true;
    return false;
  }

  agencyRef(file: string, at: string, value: unknown, nullable = false): value is string {
    return this.reference(file, at, value, this.agencyCodes, 'agency', nullable);
  }
}

/** province.json: the code, name, case-number prefix and the SLA hours of each severity. */
function checkProvince(c: SeedChecks, province: ProvinceSeed['province']): void {
  const PROVINCE = 'province.json';
  if (!isObject(province)) c.issue(PROVINCE, '$', 'must be an object');
  else {
    c.code(PROVINCE, 'code', province.code);
    c.text(PROVINCE, 'name', province.name);
    if (typeof province.caseNumberPrefix !== 'string' || !/^[A-Z]{1,8}$/.test(province.caseNumberPrefix)) {
      c.issue(PROVINCE, 'caseNumberPrefix', 'must be 1-8 upper-case letters');
    }
    const sla = province.sla as unknown;
    if (!isObject(sla)) c.issue(PROVINCE, 'sla', 'must be an object with the hours of each severity');
    else {
      for (const severity of Severities) {
        const targets = sla[severity];
        if (!isObject(targets)) {
          c.issue(PROVINCE, `sla.${severity}`, 'is required ({ "triageHours": n, "decisionHours": n })');
          continue;
        }
        for (const key of ['triageHours', 'decisionHours', 'consultationHours']) {
          const hours = targets[key];
          if (key === 'consultationHours' && hours === undefined) continue;
          if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 365)
            c.issue(PROVINCE, `sla.${severity}.${key}`, 'must be a number of hours, more than 0 and at most a year');
        }
        for (const key of Object.keys(targets))
          if (!['triageHours', 'decisionHours', 'consultationHours'].includes(key))
            c.issue(PROVINCE, `sla.${severity}.${key}`, 'unknown (triageHours, decisionHours, consultationHours)');
      }
      for (const key of Object.keys(sla))
        if (!(Severities as readonly string[]).includes(key)) c.issue(PROVINCE, `sla.${key}`, `unknown severity (one of ${Severities.join(', ')})`);
    }
  }
}

/** agencies.json: names, kinds, parents, localities, contacts, validity dates, successors, cycles. */
function checkAgencies(c: SeedChecks, agencies: Rows<SeedAgency>, known: KnownCodes): Map<string, SeedAgency> {
  const localityCodes = known.localities;
  const agencyByCode = new Map(agencies.map(([a]) => [a.code, a]));
  for (const [a, i] of agencies) {
    const at = `[${i}]`;
    c.text(AGENCIES, `${at}.name`, a.name);
    c.optionalText(AGENCIES, `${at}.shortName`, a.shortName);
    c.oneOf(AGENCIES, `${at}.kind`, a.kind, AgencyKinds, 'kind');
    if (c.agencyRef(AGENCIES, `${at}.parentCode`, a.parentCode, true) && a.parentCode === a.code)
      c.issue(AGENCIES, `${at}.parentCode`, 'an agency cannot be its own parent');
    c.reference(AGENCIES, `${at}.localityCode`, a.localityCode, localityCodes, 'locality', true);
    if (a.contacts !== undefined) {
      if (!isObject(a.contacts)) c.issue(AGENCIES, `${at}.contacts`, 'must be an object with email, phone or address');
      else {
        for (const [key, value] of Object.entries(a.contacts)) {
          if (!['email', 'phone', 'address'].includes(key)) c.issue(AGENCIES, `${at}.contacts.${key}`, 'unknown contact (one of email, phone, address)');
          else if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
            c.issue(AGENCIES, `${at}.contacts.${key}`, 'must be a non-empty string of at most 200 characters');
          else if (key === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
            c.issue(AGENCIES, `${at}.contacts.email`, `${JSON.stringify(value)} is not an e-mail address`);
        }
      }
    }
    const datesOk = [c.date(AGENCIES, `${at}.validFrom`, a.validFrom), c.date(AGENCIES, `${at}.validTo`, a.validTo)].every(Boolean);
    if (datesOk && a.validFrom && a.validTo && a.validFrom > a.validTo) c.issue(AGENCIES, `${at}.validTo`, `${a.validTo} is before validFrom ${a.validFrom}`);
    if (c.agencyRef(AGENCIES, `${at}.successorCode`, a.successorCode, true)) {
      const successor = agencyByCode.get(a.successorCode)!;
      if (a.successorCode === a.code) c.issue(AGENCIES, `${at}.successorCode`, 'an agency cannot succeed itself');
      else if (!a.validTo) c.issue(AGENCIES, `${at}.successorCode`, 'a successor needs validTo: the day the agency was retired');
      else if (datesOk && typeof successor.validFrom === 'string' && successor.validFrom > dayAfter(a.validTo)) {
        c.issue(AGENCIES, `${at}.successorCode`, `successor ${a.successorCode} only exists from ${successor.validFrom}, leaving a gap after ${a.validTo}`);
      }
    }
  }
  const successorOf = (code: string) => agencyByCode.get(code)?.successorCode as string | null | undefined;
  const parentOf = (code: string) => agencyByCode.get(code)?.parentCode as string | null | undefined;
  for (const [a, i] of agencies) {
    if (typeof a.code !== 'string') continue;
    // Report each cycle on the agencies that are part of it, not on every agency that leads into it.
    if (a.successorCode && a.successorCode !== a.code && cycleFrom(a.code, successorOf) === a.code) {
      c.issue(AGENCIES, `[${i}].successorCode`, `successor chain of ${a.code} comes back to it (cycle)`);
    }
    if (a.parentCode && a.parentCode !== a.code && cycleFrom(a.code, parentOf) === a.code)
      c.issue(AGENCIES, `[${i}].parentCode`, `parent chain of ${a.code} comes back to it (cycle)`);
  }

  return agencyByCode;
}

/** localities.json: names, kinds, and the people's committee of each locality. */
function checkLocalities(c: SeedChecks, localities: Rows<SeedLocality>, agencyByCode: Map<string, SeedAgency>): void {
  for (const [l, i] of localities) {
    const at = `[${i}]`;
    c.text(LOCALITIES, `${at}.name`, l.name);
    c.oneOf(LOCALITIES, `${at}.kind`, l.kind, LocalityKinds, 'kind');
    if (c.agencyRef(LOCALITIES, `${at}.committeeAgencyCode`, l.committeeAgencyCode)) {
      const committee = agencyByCode.get(l.committeeAgencyCode)!;
      if (committee.localityCode !== null && committee.localityCode !== undefined && committee.localityCode !== l.code) {
        c.issue(
          LOCALITIES,
          `${at}.committeeAgencyCode`,
          `${l.committeeAgencyCode} belongs to locality ${String(committee.localityCode)}, not ${String(l.code)}`,
        );
      }
    }
  }
}

/** sectors.json: names and the department of each sector. */
function checkSectors(c: SeedChecks, sectors: Rows<SeedSector>): void {
  for (const [s, i] of sectors) {
    c.text(SECTORS, `[${i}].name`, s.name);
    c.agencyRef(SECTORS, `[${i}].departmentAgencyCode`, s.departmentAgencyCode);
  }
}

/** categories.json: names, default severities, tags, and legal provisions consistent across categories. Returns the tags in use. */
function checkCategories(c: SeedChecks, categories: Rows<SeedCategory>): Set<string> {
  const tagsInUse = new Set<string>();
  const provisions = new Map<string, { citation: unknown; effectiveFrom: unknown; effectiveTo: unknown; at: string }>();
  for (const [category, i] of categories) {
    const at = `[${i}]`;
    c.text(CATEGORIES, `${at}.name`, category.name);
    c.optionalText(CATEGORIES, `${at}.description`, category.description);
    c.oneOf(CATEGORIES, `${at}.defaultSeverity`, category.defaultSeverity, Severities, 'severity');
    if (!Array.isArray(category.tags) || !category.tags.every((t) => typeof t === 'string' && /^[a-z][a-z0-9-]*$/.test(t))) {
      c.issue(CATEGORIES, `${at}.tags`, 'must be an array of lower-case tags (letters, digits, "-")');
    } else category.tags.forEach((t: string) => tagsInUse.add(t));
    const bases = c.rows(CATEGORIES, category.legalBases as unknown[] | undefined, `${at}.legalBases`);
    const basisCodes = c.keys(CATEGORIES, bases, 'code', (p, v) => c.code(CATEGORIES, p, v), `${at}.legalBases`);
    const basisByCode = new Map(bases.map(([b]) => [b.code, b]));
    for (const [b, j] of bases) {
      const bat = `${at}.legalBases[${j}]`;
      c.text(CATEGORIES, `${bat}.citation`, b.citation);
      c.text(CATEGORIES, `${bat}.text`, b.text);
      if (b.needsReview !== undefined && typeof b.needsReview !== 'boolean') c.issue(CATEGORIES, `${bat}.needsReview`, 'must be true or false');
      const datesOk = [c.date(CATEGORIES, `${bat}.effectiveFrom`, b.effectiveFrom), c.date(CATEGORIES, `${bat}.effectiveTo`, b.effectiveTo)].every(Boolean);
      if (datesOk && b.effectiveFrom && b.effectiveTo && b.effectiveFrom > b.effectiveTo)
        c.issue(CATEGORIES, `${bat}.effectiveTo`, `${b.effectiveTo} is before effectiveFrom ${b.effectiveFrom}`);
      if (c.reference(CATEGORIES, `${bat}.successorCode`, b.successorCode, basisCodes, 'provision of this category', true)) {
        if (b.successorCode === b.code) c.issue(CATEGORIES, `${bat}.successorCode`, 'a provision cannot succeed itself');
        else if (!b.effectiveTo) c.issue(CATEGORIES, `${bat}.successorCode`, 'a replaced provision needs effectiveTo');
        else if (cycleFrom(b.code as string, (k) => basisByCode.get(k)?.successorCode as string | null | undefined) === b.code) {
          c.issue(CATEGORIES, `${bat}.successorCode`, `successor chain of ${String(b.code)} comes back to it (cycle)`);
        }
      }
      // The same provision cited by several categories must be the same provision.
      if (typeof b.code === 'string') {
        const first = provisions.get(b.code);
        if (!first) provisions.set(b.code, { citation: b.citation, effectiveFrom: b.effectiveFrom, effectiveTo: b.effectiveTo, at: `${CATEGORIES} ${bat}` });
        else if (first.citation !== b.citation || first.effectiveFrom !== b.effectiveFrom || first.effectiveTo !== b.effectiveTo) {
          c.issue(CATEGORIES, `${bat}.code`, `${b.code} differs from the provision of the same code at ${first.at} (citation or dates)`);
        }
      }
    }
  }

  return tagsInUse;
}

/** rules.json: articles, roles, conditions over known codes, targets, and the single LEAD rule. */
function checkRules(c: SeedChecks, rules: Rows<SeedRule>, known: KnownCodes, tagsInUse: Set<string>, rulesIsArray: boolean): void {
  const { categories: categoryCodes, sectors: sectorCodes, localities: localityCodes } = known;
  let leads = 0;
  for (const [r, i] of rules) {
    const at = `[${i}]`;
    c.text(RULES, `${at}.article`, r.article);
    c.optionalText(RULES, `${at}.description`, r.description);
    c.oneOf(RULES, `${at}.role`, r.role, ParticipantRoles, 'role');
    const when = r.when;
    if (!isObject(when)) c.issue(RULES, `${at}.when`, 'must be an object ({} or conditions)');
    else {
      for (const key of Object.keys(when)) {
        if (!(CONDITION_KEYS as readonly string[]).includes(key))
          c.issue(RULES, `${at}.when.${key}`, `unknown condition (one of ${CONDITION_KEYS.join(', ')})`);
      }
      if (when.always !== undefined && when.always !== true) c.issue(RULES, `${at}.when.always`, 'must be true when present');
      if (when.always === true && Object.keys(when).length > 1) c.issue(RULES, `${at}.when`, '"always" cannot be combined with other conditions');
      const list = (key: (typeof CONDITION_KEYS)[number], known: Set<string> | null, what: string) => {
        const value = when[key];
        if (value === undefined) return;
        if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim().length > 0)) {
          c.issue(RULES, `${at}.when.${key}`, 'must be a non-empty array of strings');
          return;
        }
        value.forEach((v: string, j) => known && !known.has(v) && c.issue(RULES, `${at}.when.${key}[${j}]`, `unknown ${what} ${JSON.stringify(v)}`));
      };
      list('categoriesAny', categoryCodes, 'category');
      list('sectorsAny', sectorCodes, 'sector');
      list('localitiesAny', localityCodes, 'locality');
      list('severitiesAny', new Set<string>(Severities), 'severity');
      // A tag no category carries is almost always a typo that silently disables the rule.
      list('categoryTagsAny', tagsInUse, 'tag (no category carries it)');
      list('keywordsAny', null, 'keyword');
      if (Array.isArray(when.keywordsAny) && when.keywordsAny.some((k) => typeof k === 'string' && k.trim().length < 2))
        c.issue(RULES, `${at}.when.keywordsAny`, 'keywords must have at least 2 characters');
    }
    const target: unknown = r.target;
    const forms = isObject(target) ? (['agency', 'localityCommittee', 'sectorDepartment'] as const).filter((k) => k in target) : [];
    if (!isObject(target) || forms.length !== 1 || Object.keys(target).length !== 1) {
      c.issue(RULES, `${at}.target`, 'must be exactly one of { "agency": CODE }, { "localityCommittee": true }, { "sectorDepartment": true }');
    } else if (forms[0] === 'agency') c.agencyRef(RULES, `${at}.target.agency`, target['agency']);
    else if (target[forms[0]!] !== true) c.issue(RULES, `${at}.target.${forms[0]}`, 'must be true');
    if (r.role === 'LEAD') {
      leads++;
      if (!isObject(when) || when.always !== true) c.issue(RULES, `${at}.when`, 'the LEAD rule must apply to every case ({ "always": true })');
      if (isObject(target) && !('agency' in target)) c.issue(RULES, `${at}.target`, 'the LEAD rule must name an agency, so that every case has a lead');
    }
  }
  if (rulesIsArray && leads !== 1) c.issue(RULES, '$', `must have exactly one LEAD rule, found ${leads}`);
}

/** users.json: display names, agencies and known roles. */
function checkUsers(c: SeedChecks, users: Rows<SeedUser>): void {
  for (const [u, i] of users) {
    c.text(USERS, `[${i}].displayName`, u.displayName);
    c.agencyRef(USERS, `[${i}].agencyCode`, u.agencyCode);
    if (!Array.isArray(u.roles) || u.roles.length === 0) c.issue(USERS, `[${i}].roles`, 'must be a non-empty array of known roles');
    else {
      u.roles.forEach(
        (role: unknown, j) =>
          ROLES.has(role as string) || c.issue(USERS, `[${i}].roles[${j}]`, `unknown role ${JSON.stringify(role)} (known roles: ${[...ROLES].join(', ')})`),
      );
      if (new Set(u.roles).size !== u.roles.length) c.issue(USERS, `[${i}].roles`, 'lists a role twice');
    }
  }
}

/**
 * Every inconsistency of a seed: required fields and types, code formats, duplicates, references
 * that do not resolve, dates, successor and parent cycles, unknown roles and severities, and the
 * single LEAD rule. Returns [] for a consistent seed.
 */
export function validateSeed(seed: ProvinceSeed): SeedIssue[] {
  const c = new SeedChecks();
  checkProvince(c, seed.province);
  const agencies = c.rows(AGENCIES, seed.agencies);
  const localities = c.rows(LOCALITIES, seed.localities);
  const sectors = c.rows(SECTORS, seed.sectors);
  const categories = c.rows(CATEGORIES, seed.categories);
  const rules = c.rows(RULES, seed.rules);
  const users = c.rows(USERS, seed.users);
  const known: KnownCodes = {
    agencies: c.keys(AGENCIES, agencies, 'code', (at, v) => c.code(AGENCIES, at, v)),
    localities: c.keys(LOCALITIES, localities, 'code', (at, v) => c.code(LOCALITIES, at, v)),
    sectors: c.keys(SECTORS, sectors, 'code', (at, v) => c.code(SECTORS, at, v)),
    categories: c.keys(CATEGORIES, categories, 'code', (at, v) => c.code(CATEGORIES, at, v)),
  };
  c.agencyCodes = known.agencies;
  c.keys(RULES, rules, 'id', (at, v) => c.code(RULES, at, v));
  c.keys(USERS, users, 'username', (at, v) => {
    if (typeof v === 'string' && USERNAME.test(v)) return true;
    c.issue(USERS, at, 'must be 2-64 lower-case letters, digits, ".", "_" or "-"');
    return false;
  });
  const agencyByCode = checkAgencies(c, agencies, known);
  checkLocalities(c, localities, agencyByCode);
  checkSectors(c, sectors);
  const tagsInUse = checkCategories(c, categories);
  checkRules(c, rules, known, tagsInUse, Array.isArray(seed.rules));
  checkUsers(c, users);
  if (seed.pressRules !== undefined) checkPressRules(c, c.rows(PRESS_RULES, seed.pressRules));
  if (seed.publicHolidays !== undefined) checkHolidays(c, c.rows(HOLIDAYS, seed.publicHolidays));
  return c.issues;
}

/** Each rule: a unique code, its rule set, article, title, text and source; dates in order; a successor that exists. */
function checkPressRules(c: SeedChecks, rows: Rows<SeedPressRule>): void {
  const codes = c.keys(PRESS_RULES, rows, 'code', (at, v) => c.code(PRESS_RULES, at, v));
  for (const [rule, i] of rows) {
    const at = `[${i}]`;
    c.oneOf(PRESS_RULES, `${at}.ruleSet`, rule.ruleSet, PressRuleSets, 'rule set');
    for (const field of ['article', 'title', 'text', 'source'] as const) c.text(PRESS_RULES, `${at}.${field}`, rule[field]);
    const from = c.date(PRESS_RULES, `${at}.effectiveFrom`, rule.effectiveFrom) ? rule.effectiveFrom : null;
    const to = c.date(PRESS_RULES, `${at}.effectiveTo`, rule.effectiveTo) ? rule.effectiveTo : null;
    if (from && to && from > to) c.issue(PRESS_RULES, `${at}.effectiveTo`, 'is before effectiveFrom');
    if (rule.successorCode !== null) c.reference(PRESS_RULES, `${at}.successorCode`, rule.successorCode, codes, 'rule', true);
    if (rule.needsReview !== undefined && typeof rule.needsReview !== 'boolean') c.issue(PRESS_RULES, `${at}.needsReview`, 'must be true or false');
  }
  // A ruling cites an article of a rule set: two rules for one article in force on the same day would make the citation ambiguous.
  const periodOf = (rule: SeedPressRule) => ({
    from: isRealDate(String(rule.effectiveFrom)) ? rule.effectiveFrom! : '0000-01-01',
    to: isRealDate(String(rule.effectiveTo)) ? rule.effectiveTo! : '9999-12-31',
  });
  for (const [rule, i] of rows) {
    const mine = periodOf(rule);
    const earlier = rows.find(
      ([other, j]) =>
        j < i &&
        other.ruleSet === rule.ruleSet &&
        other.article === rule.article &&
        other.code !== rule.code &&
        periodOf(other).from <= mine.to &&
        mine.from <= periodOf(other).to,
    );
    if (earlier)
      c.issue(
        PRESS_RULES,
        `[${i}].article`,
        `${rule.ruleSet} ${String(rule.article)} is already ${String(earlier[0].code)}, in force on some of the same days`,
      );
  }
}

function checkHolidays(c: SeedChecks, rows: Rows<SeedPublicHoliday>): void {
  c.keys(HOLIDAYS, rows, 'day', (at, v) => {
    if (typeof v === 'string' && isRealDate(v)) return true;
    c.issue(HOLIDAYS, at, `${JSON.stringify(v)} is not a date (YYYY-MM-DD)`);
    return false;
  });
  for (const [holiday, i] of rows) c.text(HOLIDAYS, `[${i}].name`, holiday.name);
}
