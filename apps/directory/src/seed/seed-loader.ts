import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_CODE_PATTERN, Roles, Severities } from '@phoi-hop/contracts';
import type { ProvinceSeed, SeedRule } from './seed.types';

export interface SeedIssue {
  file: string;
  path: string;
  message: string;
}

const FILES = ['province', 'agencies', 'localities', 'sectors', 'categories', 'rules', 'users'] as const;
const AGENCY_KINDS = new Set(['DEPARTMENT', 'PEOPLES_COMMITTEE', 'PARTY_COMMITTEE', 'POLICE', 'PRESS_ORGAN', 'ASSOCIATION', 'OFFICE']);
const ROLES = new Set<string>(Object.values(Roles));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Quảng Bình seed (JSON files are copied beside the compiled code by the build). */
export function defaultSeedDir(): string {
  return path.resolve(__dirname, '../../seed/quang-binh');
}

/** Reads a province seed folder and refuses it, listing every problem, unless it is consistent. */
export function loadSeedFolder(dir: string): ProvinceSeed {
  const read = (name: string): unknown => {
    const file = path.join(dir, `${name}.json`);
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Seed file ${file}: ${(error as Error).message}`);
    }
  };
  const seed = Object.fromEntries(FILES.map((name) => [name === 'province' ? 'province' : name, read(name)])) as unknown as ProvinceSeed;
  const issues = validateSeed(seed);
  if (issues.length > 0) {
    throw new Error(`Seed ${dir} is invalid:\n${issues.map((i) => `  ${i.file} ${i.path}: ${i.message}`).join('\n')}`);
  }
  return seed;
}

/** Every inconsistency of a seed: types, code formats, duplicates, dangling references, dates, cycles. */
export function validateSeed(seed: ProvinceSeed): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const issue = (file: string, at: string, message: string) => issues.push({ file, path: at, message });
  const list = <T>(file: string, value: T[] | undefined): T[] => {
    if (!Array.isArray(value)) {
      issue(`${file}.json`, '$', 'must be an array');
      return [];
    }
    return value;
  };
  const text = (file: string, at: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') issue(file, at, 'must be a non-empty string');
  };
  const code = (file: string, at: string, value: unknown) => {
    if (typeof value !== 'string' || !REFERENCE_CODE_PATTERN.test(value)) issue(file, at, `"${String(value)}" is not an upper-case code`);
  };
  const unique = (file: string, rows: Array<{ code?: string; id?: string; username?: string }>, key: 'code' | 'id' | 'username') => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const value = row[key];
      if (value !== undefined && seen.has(value)) issue(file, `[${i}].${key}`, `duplicate "${value}"`);
      if (value !== undefined) seen.add(value);
    });
    return seen;
  };

  if (!seed.province || typeof seed.province !== 'object') issue('province.json', '$', 'must be an object');
  else {
    code('province.json', 'code', seed.province.code);
    text('province.json', 'name', seed.province.name);
    if (!/^[A-Z]{1,8}$/.test(String(seed.province.caseNumberPrefix))) issue('province.json', 'caseNumberPrefix', 'must be 1-8 upper-case letters');
  }
  const agencies = list('agencies', seed.agencies);
  const localities = list('localities', seed.localities);
  const sectors = list('sectors', seed.sectors);
  const categories = list('categories', seed.categories);
  const rules = list('rules', seed.rules);
  const users = list('users', seed.users);
  const agencyCodes = unique('agencies.json', agencies, 'code');
  const localityCodes = unique('localities.json', localities, 'code');
  const sectorCodes = unique('sectors.json', sectors, 'code');
  const categoryCodes = unique('categories.json', categories, 'code');
  unique('rules.json', rules, 'id');
  unique('users.json', users, 'username');
  const agencyRef = (file: string, at: string, value: unknown, nullable = false) => {
    if (nullable && value === null) return;
    if (typeof value !== 'string' || !agencyCodes.has(value)) issue(file, at, `unknown agency "${String(value)}"`);
  };

  agencies.forEach((a, i) => {
    const at = `[${i}]`;
    code('agencies.json', `${at}.code`, a.code);
    text('agencies.json', `${at}.name`, a.name);
    if (!AGENCY_KINDS.has(a.kind)) issue('agencies.json', `${at}.kind`, `unknown kind "${a.kind}"`);
    agencyRef('agencies.json', `${at}.parentCode`, a.parentCode, true);
    agencyRef('agencies.json', `${at}.successorCode`, a.successorCode, true);
    if (a.localityCode !== null && !localityCodes.has(a.localityCode)) issue('agencies.json', `${at}.localityCode`, `unknown locality "${a.localityCode}"`);
    for (const key of ['validFrom', 'validTo'] as const) {
      if (a[key] !== null && (typeof a[key] !== 'string' || !DATE.test(a[key]!))) issue('agencies.json', `${at}.${key}`, 'must be YYYY-MM-DD or null');
    }
    if (a.validFrom && a.validTo && a.validFrom > a.validTo) issue('agencies.json', `${at}.validTo`, 'is before validFrom');
  });
  const successors = new Map(agencies.map((a) => [a.code, a.successorCode]));
  agencies.forEach((a, i) => {
    const seen = new Set<string>([a.code]);
    let next = a.successorCode;
    while (next) {
      if (seen.has(next)) {
        issue('agencies.json', `[${i}].successorCode`, `successor chain of ${a.code} is a cycle`);
        break;
      }
      seen.add(next);
      next = successors.get(next) ?? null;
    }
  });
  localities.forEach((l, i) => {
    code('localities.json', `[${i}].code`, l.code);
    text('localities.json', `[${i}].name`, l.name);
    agencyRef('localities.json', `[${i}].committeeAgencyCode`, l.committeeAgencyCode);
  });
  sectors.forEach((s, i) => {
    code('sectors.json', `[${i}].code`, s.code);
    text('sectors.json', `[${i}].name`, s.name);
    agencyRef('sectors.json', `[${i}].departmentAgencyCode`, s.departmentAgencyCode);
  });
  categories.forEach((c, i) => {
    code('categories.json', `[${i}].code`, c.code);
    text('categories.json', `[${i}].name`, c.name);
    if (!(Severities as readonly string[]).includes(c.defaultSeverity)) issue('categories.json', `[${i}].defaultSeverity`, `unknown severity "${c.defaultSeverity}"`);
    if (!Array.isArray(c.tags) || !c.tags.every((t) => typeof t === 'string')) issue('categories.json', `[${i}].tags`, 'must be an array of strings');
    const basisCodes = new Set((c.legalBases ?? []).map((b) => b.code));
    (Array.isArray(c.legalBases) ? c.legalBases : []).forEach((b, j) => {
      const at = `[${i}].legalBases[${j}]`;
      text('categories.json', `${at}.citation`, b.citation);
      if (b.successorCode && !basisCodes.has(b.successorCode)) issue('categories.json', `${at}.successorCode`, `unknown provision "${b.successorCode}"`);
      if (b.effectiveFrom && b.effectiveTo && b.effectiveFrom > b.effectiveTo) issue('categories.json', `${at}.effectiveTo`, 'is before effectiveFrom');
    });
  });
  let leads = 0;
  rules.forEach((r: SeedRule, i) => {
    const at = `[${i}]`;
    text('rules.json', `${at}.article`, r.article);
    if (!['LEAD', 'PARTICIPANT', 'INFORMED'].includes(r.role)) issue('rules.json', `${at}.role`, `unknown role "${r.role}"`);
    if (r.role === 'LEAD') {
      leads++;
      if (!r.when?.always) issue('rules.json', `${at}.when`, 'the LEAD rule must apply to every case (always: true)');
    }
    const target = r.target as Record<string, unknown> | undefined;
    if (!target || (!('agency' in target) && !target['localityCommittee'] && !target['sectorDepartment'])) issue('rules.json', `${at}.target`, 'must name an agency, localityCommittee or sectorDepartment');
    else if ('agency' in target) agencyRef('rules.json', `${at}.target.agency`, target['agency']);
    (r.when?.categoriesAny ?? []).forEach((c, j) => categoryCodes.has(c) || issue('rules.json', `${at}.when.categoriesAny[${j}]`, `unknown category "${c}"`));
    (r.when?.sectorsAny ?? []).forEach((c, j) => sectorCodes.has(c) || issue('rules.json', `${at}.when.sectorsAny[${j}]`, `unknown sector "${c}"`));
    if (r.when?.keywordsAny !== undefined && (!Array.isArray(r.when.keywordsAny) || r.when.keywordsAny.length === 0 || !r.when.keywordsAny.every((k) => typeof k === 'string' && k.trim().length > 1))) {
      issue('rules.json', `${at}.when.keywordsAny`, 'must be a non-empty list of words or phrases');
    }
    (r.when?.localitiesAny ?? []).forEach((c, j) => localityCodes.has(c) || issue('rules.json', `${at}.when.localitiesAny[${j}]`, `unknown locality "${c}"`));
  });
  if (leads !== 1) issue('rules.json', '$', `must have exactly one LEAD rule, found ${leads}`);
  users.forEach((u, i) => {
    if (typeof u.username !== 'string' || !/^[a-z0-9._-]{2,64}$/.test(u.username)) issue('users.json', `[${i}].username`, 'must be 2-64 lower-case letters, digits, ".", "_" or "-"');
    text('users.json', `[${i}].displayName`, u.displayName);
    agencyRef('users.json', `[${i}].agencyCode`, u.agencyCode);
    if (!Array.isArray(u.roles) || u.roles.length === 0 || !u.roles.every((r) => ROLES.has(r))) issue('users.json', `[${i}].roles`, 'must be known roles');
  });
  return issues;
}
