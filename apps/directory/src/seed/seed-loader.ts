import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ParticipantRoles, REFERENCE_CODE_PATTERN, Roles, Severities } from '@phoi-hop/contracts';
import { AgencyKinds, LocalityKinds, type ProvinceSeed } from './seed.types';

/** One inconsistency of a seed folder: the file, the JSON path inside it, what is wrong. */
export interface SeedIssue {
  file: string;
  path: string;
  message: string;
}

/** A seed folder that cannot be loaded; `issues` lists every problem found. */
export class SeedValidationError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: SeedIssue[],
  ) {
    super(`Seed ${dir} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${i.file} ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

const FILES = ['province', 'agencies', 'localities', 'sectors', 'categories', 'rules', 'users'] as const;
const ROLES = new Set<string>(Object.values(Roles));
const CONDITION_KEYS = ['always', 'categoryTagsAny', 'categoriesAny', 'sectorsAny', 'localitiesAny', 'severitiesAny', 'keywordsAny'] as const;
const USERNAME = /^[a-z0-9._-]{2,64}$/;

/** The Quảng Bình seed (the build copies the JSON files beside the compiled code, same relative path). */
export function defaultSeedDir(): string {
  return path.resolve(__dirname, '../../seed/quang-binh');
}

/** Reads a province seed folder and refuses it, listing every problem, unless it is consistent. */
export function loadSeedFolder(dir: string): ProvinceSeed {
  const readIssues: SeedIssue[] = [];
  const content: Record<string, unknown> = {};
  for (const name of FILES) {
    const file = `${name}.json`;
    try {
      content[name] = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      readIssues.push({ file, path: '$', message: `cannot be read: ${(error as Error).message}` });
    }
  }
  if (readIssues.length > 0) throw new SeedValidationError(dir, readIssues);
  const seed = content as unknown as ProvinceSeed;
  const issues = validateSeed(seed);
  if (issues.length > 0) throw new SeedValidationError(dir, issues);
  return seed;
}

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

/**
 * Every inconsistency of a seed: required fields and types, code formats, duplicates, references
 * that do not resolve, dates, successor and parent cycles, unknown roles and severities, and the
 * single LEAD rule. Returns [] for a consistent seed.
 */
export function validateSeed(seed: ProvinceSeed): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const issue = (file: string, at: string, message: string) => issues.push({ file, path: at, message });

  // Field checkers: each reports on `file` at `at` and says whether the value is usable.
  const text = (file: string, at: string, value: unknown): value is string => {
    if (typeof value === 'string' && value.trim() !== '') return true;
    issue(file, at, 'must be a non-empty string');
    return false;
  };
  const optionalText = (file: string, at: string, value: unknown) => {
    if (value !== undefined && value !== null) text(file, at, value);
  };
  const code = (file: string, at: string, value: unknown): value is string => {
    if (typeof value === 'string' && REFERENCE_CODE_PATTERN.test(value)) return true;
    issue(file, at, `${JSON.stringify(value)} is not a code (${REFERENCE_CODE_PATTERN.source})`);
    return false;
  };
  const date = (file: string, at: string, value: unknown): value is string | null => {
    if (value === null || (typeof value === 'string' && isRealDate(value))) return true;
    issue(file, at, value === undefined ? 'is required (YYYY-MM-DD, or null)' : `${JSON.stringify(value)} is not a date (YYYY-MM-DD, or null)`);
    return false;
  };
  const oneOf = (file: string, at: string, value: unknown, allowed: readonly string[], what: string) => {
    if (!allowed.includes(value as string)) issue(file, at, `unknown ${what} ${JSON.stringify(value)} (one of ${allowed.join(', ')})`);
  };
  /** The object rows of an array at `at` (non-objects are reported and skipped). */
  const rows = <T>(file: string, value: T[] | undefined, at = ''): Array<[T & Record<string, unknown>, number]> => {
    if (!Array.isArray(value)) {
      issue(file, at || '$', at ? 'must be an array (empty if none)' : 'must be an array');
      return [];
    }
    const usable: Array<[T & Record<string, unknown>, number]> = [];
    value.forEach((row, i) => (isObject(row) ? usable.push([row as T & Record<string, unknown>, i]) : issue(file, `${at}[${i}]`, 'must be an object')));
    return usable;
  };
  /** Checks the format and uniqueness of each row's key; returns the set of valid keys. */
  const keys = <T extends Record<string, unknown>>(file: string, list: Array<[T, number]>, key: string, check: (at: string, value: unknown) => boolean, prefix = '') => {
    const seen = new Set<string>();
    for (const [row, i] of list) {
      const at = `${prefix}[${i}].${key}`;
      const value = row[key];
      if (!check(at, value)) continue;
      if (seen.has(value as string)) issue(file, at, `duplicate ${JSON.stringify(value)}`);
      seen.add(value as string);
    }
    return seen;
  };

  // province.json
  const PROVINCE = 'province.json';
  if (!isObject(seed.province)) issue(PROVINCE, '$', 'must be an object');
  else {
    code(PROVINCE, 'code', seed.province.code);
    text(PROVINCE, 'name', seed.province.name);
    if (typeof seed.province.caseNumberPrefix !== 'string' || !/^[A-Z]{1,8}$/.test(seed.province.caseNumberPrefix)) {
      issue(PROVINCE, 'caseNumberPrefix', 'must be 1-8 upper-case letters');
    }
    const sla = seed.province.sla as unknown;
    if (!isObject(sla)) issue(PROVINCE, 'sla', 'must be an object with the hours of each severity');
    else {
      for (const severity of Severities) {
        const targets = sla[severity];
        if (!isObject(targets)) {
          issue(PROVINCE, `sla.${severity}`, 'is required ({ "triageHours": n, "decisionHours": n })');
          continue;
        }
        for (const key of ['triageHours', 'decisionHours', 'consultationHours']) {
          const hours = targets[key];
          if (key === 'consultationHours' && hours === undefined) continue;
          if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 365) issue(PROVINCE, `sla.${severity}.${key}`, 'must be a number of hours, more than 0 and at most a year');
        }
        for (const key of Object.keys(targets)) if (!['triageHours', 'decisionHours', 'consultationHours'].includes(key)) issue(PROVINCE, `sla.${severity}.${key}`, 'unknown (triageHours, decisionHours, consultationHours)');
      }
      for (const key of Object.keys(sla)) if (!(Severities as readonly string[]).includes(key)) issue(PROVINCE, `sla.${key}`, `unknown severity (one of ${Severities.join(', ')})`);
    }
  }

  const AGENCIES = 'agencies.json';
  const LOCALITIES = 'localities.json';
  const SECTORS = 'sectors.json';
  const CATEGORIES = 'categories.json';
  const RULES = 'rules.json';
  const USERS = 'users.json';
  const agencies = rows(AGENCIES, seed.agencies);
  const localities = rows(LOCALITIES, seed.localities);
  const sectors = rows(SECTORS, seed.sectors);
  const categories = rows(CATEGORIES, seed.categories);
  const rules = rows(RULES, seed.rules);
  const users = rows(USERS, seed.users);

  const agencyCodes = keys(AGENCIES, agencies, 'code', (at, v) => code(AGENCIES, at, v));
  const localityCodes = keys(LOCALITIES, localities, 'code', (at, v) => code(LOCALITIES, at, v));
  const sectorCodes = keys(SECTORS, sectors, 'code', (at, v) => code(SECTORS, at, v));
  const categoryCodes = keys(CATEGORIES, categories, 'code', (at, v) => code(CATEGORIES, at, v));
  keys(RULES, rules, 'id', (at, v) => code(RULES, at, v));
  keys(USERS, users, 'username', (at, v) => {
    if (typeof v === 'string' && USERNAME.test(v)) return true;
    issue(USERS, at, 'must be 2-64 lower-case letters, digits, ".", "_" or "-"');
    return false;
  });

  const reference = (file: string, at: string, value: unknown, known: Set<string>, what: string, nullable: boolean): value is string => {
    if (nullable && value === null) return false;
    if (value === undefined) issue(file, at, nullable ? 'is required (a code, or null)' : 'is required');
    else if (typeof value !== 'string' || !known.has(value)) issue(file, at, `unknown ${what} ${JSON.stringify(value)}`);
    else return true;
    return false;
  };
  const agencyRef = (file: string, at: string, value: unknown, nullable = false) => reference(file, at, value, agencyCodes, 'agency', nullable);

  // agencies.json
  const agencyByCode = new Map(agencies.map(([a]) => [a.code, a]));
  for (const [a, i] of agencies) {
    const at = `[${i}]`;
    text(AGENCIES, `${at}.name`, a.name);
    optionalText(AGENCIES, `${at}.shortName`, a.shortName);
    oneOf(AGENCIES, `${at}.kind`, a.kind, AgencyKinds, 'kind');
    if (agencyRef(AGENCIES, `${at}.parentCode`, a.parentCode, true) && a.parentCode === a.code) issue(AGENCIES, `${at}.parentCode`, 'an agency cannot be its own parent');
    reference(AGENCIES, `${at}.localityCode`, a.localityCode, localityCodes, 'locality', true);
    if (a.contacts !== undefined) {
      if (!isObject(a.contacts)) issue(AGENCIES, `${at}.contacts`, 'must be an object with email, phone or address');
      else {
        for (const [key, value] of Object.entries(a.contacts)) {
          if (!['email', 'phone', 'address'].includes(key)) issue(AGENCIES, `${at}.contacts.${key}`, 'unknown contact (one of email, phone, address)');
          else if (typeof value !== 'string' || value.trim() === '' || value.length > 200) issue(AGENCIES, `${at}.contacts.${key}`, 'must be a non-empty string of at most 200 characters');
          else if (key === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) issue(AGENCIES, `${at}.contacts.email`, `${JSON.stringify(value)} is not an e-mail address`);
        }
      }
    }
    const datesOk = [date(AGENCIES, `${at}.validFrom`, a.validFrom), date(AGENCIES, `${at}.validTo`, a.validTo)].every(Boolean);
    if (datesOk && a.validFrom && a.validTo && a.validFrom > a.validTo) issue(AGENCIES, `${at}.validTo`, `${a.validTo} is before validFrom ${a.validFrom}`);
    if (agencyRef(AGENCIES, `${at}.successorCode`, a.successorCode, true)) {
      const successor = agencyByCode.get(a.successorCode)!;
      if (a.successorCode === a.code) issue(AGENCIES, `${at}.successorCode`, 'an agency cannot succeed itself');
      else if (!a.validTo) issue(AGENCIES, `${at}.successorCode`, 'a successor needs validTo: the day the agency was retired');
      else if (datesOk && typeof successor.validFrom === 'string' && successor.validFrom > dayAfter(a.validTo)) {
        issue(AGENCIES, `${at}.successorCode`, `successor ${a.successorCode} only exists from ${successor.validFrom}, leaving a gap after ${a.validTo}`);
      }
    }
  }
  const successorOf = (code: string) => agencyByCode.get(code)?.successorCode as string | null | undefined;
  const parentOf = (code: string) => agencyByCode.get(code)?.parentCode as string | null | undefined;
  for (const [a, i] of agencies) {
    if (typeof a.code !== 'string') continue;
    // Report each cycle on the agencies that are part of it, not on every agency that leads into it.
    if (a.successorCode && a.successorCode !== a.code && cycleFrom(a.code, successorOf) === a.code) {
      issue(AGENCIES, `[${i}].successorCode`, `successor chain of ${a.code} comes back to it (cycle)`);
    }
    if (a.parentCode && a.parentCode !== a.code && cycleFrom(a.code, parentOf) === a.code) issue(AGENCIES, `[${i}].parentCode`, `parent chain of ${a.code} comes back to it (cycle)`);
  }

  // localities.json
  for (const [l, i] of localities) {
    const at = `[${i}]`;
    text(LOCALITIES, `${at}.name`, l.name);
    oneOf(LOCALITIES, `${at}.kind`, l.kind, LocalityKinds, 'kind');
    if (agencyRef(LOCALITIES, `${at}.committeeAgencyCode`, l.committeeAgencyCode)) {
      const committee = agencyByCode.get(l.committeeAgencyCode)!;
      if (committee.localityCode !== null && committee.localityCode !== undefined && committee.localityCode !== l.code) {
        issue(LOCALITIES, `${at}.committeeAgencyCode`, `${l.committeeAgencyCode} belongs to locality ${String(committee.localityCode)}, not ${String(l.code)}`);
      }
    }
  }

  // sectors.json
  for (const [s, i] of sectors) {
    text(SECTORS, `[${i}].name`, s.name);
    agencyRef(SECTORS, `[${i}].departmentAgencyCode`, s.departmentAgencyCode);
  }

  // categories.json
  const tagsInUse = new Set<string>();
  const provisions = new Map<string, { citation: unknown; effectiveFrom: unknown; effectiveTo: unknown; at: string }>();
  for (const [c, i] of categories) {
    const at = `[${i}]`;
    text(CATEGORIES, `${at}.name`, c.name);
    optionalText(CATEGORIES, `${at}.description`, c.description);
    oneOf(CATEGORIES, `${at}.defaultSeverity`, c.defaultSeverity, Severities, 'severity');
    if (!Array.isArray(c.tags) || !c.tags.every((t) => typeof t === 'string' && /^[a-z][a-z0-9-]*$/.test(t))) {
      issue(CATEGORIES, `${at}.tags`, 'must be an array of lower-case tags (letters, digits, "-")');
    } else c.tags.forEach((t: string) => tagsInUse.add(t));
    const bases = rows(CATEGORIES, c.legalBases as unknown[] | undefined, `${at}.legalBases`);
    const basisCodes = keys(CATEGORIES, bases, 'code', (p, v) => code(CATEGORIES, p, v), `${at}.legalBases`);
    const basisByCode = new Map(bases.map(([b]) => [b.code, b]));
    for (const [b, j] of bases) {
      const bat = `${at}.legalBases[${j}]`;
      text(CATEGORIES, `${bat}.citation`, b.citation);
      text(CATEGORIES, `${bat}.text`, b.text);
      if (b.needsReview !== undefined && typeof b.needsReview !== 'boolean') issue(CATEGORIES, `${bat}.needsReview`, 'must be true or false');
      const datesOk = [date(CATEGORIES, `${bat}.effectiveFrom`, b.effectiveFrom), date(CATEGORIES, `${bat}.effectiveTo`, b.effectiveTo)].every(Boolean);
      if (datesOk && b.effectiveFrom && b.effectiveTo && b.effectiveFrom > b.effectiveTo) issue(CATEGORIES, `${bat}.effectiveTo`, `${b.effectiveTo} is before effectiveFrom ${b.effectiveFrom}`);
      if (reference(CATEGORIES, `${bat}.successorCode`, b.successorCode, basisCodes, 'provision of this category', true)) {
        if (b.successorCode === b.code) issue(CATEGORIES, `${bat}.successorCode`, 'a provision cannot succeed itself');
        else if (!b.effectiveTo) issue(CATEGORIES, `${bat}.successorCode`, 'a replaced provision needs effectiveTo');
        else if (cycleFrom(b.code as string, (k) => basisByCode.get(k)?.successorCode as string | null | undefined) === b.code) {
          issue(CATEGORIES, `${bat}.successorCode`, `successor chain of ${String(b.code)} comes back to it (cycle)`);
        }
      }
      // The same provision cited by several categories must be the same provision.
      if (typeof b.code === 'string') {
        const first = provisions.get(b.code);
        if (!first) provisions.set(b.code, { citation: b.citation, effectiveFrom: b.effectiveFrom, effectiveTo: b.effectiveTo, at: `${CATEGORIES} ${bat}` });
        else if (first.citation !== b.citation || first.effectiveFrom !== b.effectiveFrom || first.effectiveTo !== b.effectiveTo) {
          issue(CATEGORIES, `${bat}.code`, `${b.code} differs from the provision of the same code at ${first.at} (citation or dates)`);
        }
      }
    }
  }

  // rules.json
  let leads = 0;
  for (const [r, i] of rules) {
    const at = `[${i}]`;
    text(RULES, `${at}.article`, r.article);
    optionalText(RULES, `${at}.description`, r.description);
    oneOf(RULES, `${at}.role`, r.role, ParticipantRoles, 'role');
    const when = r.when;
    if (!isObject(when)) issue(RULES, `${at}.when`, 'must be an object ({} or conditions)');
    else {
      for (const key of Object.keys(when)) {
        if (!(CONDITION_KEYS as readonly string[]).includes(key)) issue(RULES, `${at}.when.${key}`, `unknown condition (one of ${CONDITION_KEYS.join(', ')})`);
      }
      if (when.always !== undefined && when.always !== true) issue(RULES, `${at}.when.always`, 'must be true when present');
      if (when.always === true && Object.keys(when).length > 1) issue(RULES, `${at}.when`, '"always" cannot be combined with other conditions');
      const list = (key: (typeof CONDITION_KEYS)[number], known: Set<string> | null, what: string) => {
        const value = when[key];
        if (value === undefined) return;
        if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim().length > 0)) {
          issue(RULES, `${at}.when.${key}`, 'must be a non-empty array of strings');
          return;
        }
        value.forEach((v: string, j) => known && !known.has(v) && issue(RULES, `${at}.when.${key}[${j}]`, `unknown ${what} ${JSON.stringify(v)}`));
      };
      list('categoriesAny', categoryCodes, 'category');
      list('sectorsAny', sectorCodes, 'sector');
      list('localitiesAny', localityCodes, 'locality');
      list('severitiesAny', new Set<string>(Severities), 'severity');
      // A tag no category carries is almost always a typo that silently disables the rule.
      list('categoryTagsAny', tagsInUse, 'tag (no category carries it)');
      list('keywordsAny', null, 'keyword');
      if (Array.isArray(when.keywordsAny) && when.keywordsAny.some((k) => typeof k === 'string' && k.trim().length < 2)) issue(RULES, `${at}.when.keywordsAny`, 'keywords must have at least 2 characters');
    }
    const target: unknown = r.target;
    const forms = isObject(target) ? (['agency', 'localityCommittee', 'sectorDepartment'] as const).filter((k) => k in target) : [];
    if (!isObject(target) || forms.length !== 1 || Object.keys(target).length !== 1) {
      issue(RULES, `${at}.target`, 'must be exactly one of { "agency": CODE }, { "localityCommittee": true }, { "sectorDepartment": true }');
    } else if (forms[0] === 'agency') agencyRef(RULES, `${at}.target.agency`, target['agency']);
    else if (target[forms[0]!] !== true) issue(RULES, `${at}.target.${forms[0]}`, 'must be true');
    if (r.role === 'LEAD') {
      leads++;
      if (!isObject(when) || when.always !== true) issue(RULES, `${at}.when`, 'the LEAD rule must apply to every case ({ "always": true })');
      if (isObject(target) && !('agency' in target)) issue(RULES, `${at}.target`, 'the LEAD rule must name an agency, so that every case has a lead');
    }
  }
  if (Array.isArray(seed.rules) && leads !== 1) issue(RULES, '$', `must have exactly one LEAD rule, found ${leads}`);

  // users.json
  for (const [u, i] of users) {
    text(USERS, `[${i}].displayName`, u.displayName);
    agencyRef(USERS, `[${i}].agencyCode`, u.agencyCode);
    if (!Array.isArray(u.roles) || u.roles.length === 0) issue(USERS, `[${i}].roles`, 'must be a non-empty array of known roles');
    else {
      u.roles.forEach((role: unknown, j) => ROLES.has(role as string) || issue(USERS, `[${i}].roles[${j}]`, `unknown role ${JSON.stringify(role)} (known roles: ${[...ROLES].join(', ')})`));
      if (new Set(u.roles).size !== u.roles.length) issue(USERS, `[${i}].roles`, 'lists a role twice');
    }
  }
  return issues;
}
