import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SeedValidationError, defaultSeedDir, loadSeedFolder, validateSeed } from './seed-loader';
import type { ProvinceSeed } from './seed.types';

describe('province seed', () => {
  const seed = loadSeedFolder(defaultSeedDir());

  it('loads the Quảng Bình seed with every agency code the regulation names and no issue', () => {
    const codes = seed.agencies.map((a) => a.code);
    for (const code of [
      'STTTT',
      'CA',
      'HNB',
      'BTG',
      'BNC',
      'BAO_QB',
      'DAI_PTTH',
      'CONG_TTDT',
      'STC',
      'VP_UBND',
      'SYT',
      'SGDDT',
      'STNMT',
      'SNNPTNT',
      'SGTVT',
      'SCT',
      'SXD',
      'SLDTBXH',
      'SVHTTDL',
      'SNV',
      'STP',
      'SKHDT',
      'SKHCN',
    ]) {
      expect(codes).toContain(code);
    }
    expect(seed.localities.map((l) => l.code).sort()).toEqual([
      'BA_DON',
      'BO_TRACH',
      'DONG_HOI',
      'LE_THUY',
      'MINH_HOA',
      'QUANG_NINH',
      'QUANG_TRACH',
      'TUYEN_HOA',
    ]);
    expect(seed.localities.map((l) => l.committeeAgencyCode)).toEqual(seed.localities.map((l) => `UBND_${l.code}`));
    expect(seed.categories.map((c) => c.code)).toEqual([
      'FALSE_INFO_PANIC',
      'FALSE_INFO_ECONOMIC',
      'DEFAMATION',
      'INCITEMENT_VIOLENCE',
      'HATE_DISCRIMINATION',
      'PRIVACY_LEAK',
      'STATE_SECRET_LEAK',
      'IMPERSONATION_SCAM',
      'OBSCENE_HARMFUL',
      'ANTI_STATE',
      'GRIEVANCE',
      'OTHER',
    ]);
    expect(seed.sectors.find((s) => s.code === 'AGRICULTURE')!.departmentAgencyCode).toBe('SNNPTNT');
    expect(validateSeed(seed)).toEqual([]);
  });

  it('cites a provision in force for every category but OTHER, on each side of the 2024–2026 replacements', () => {
    const inForce = (day: string) => (c: ProvinceSeed['categories'][number]) =>
      c.legalBases.filter((b) => (!b.effectiveFrom || b.effectiveFrom <= day) && (!b.effectiveTo || b.effectiveTo >= day)).map((b) => b.code);
    for (const day of ['2024-12-24', '2024-12-25', '2026-01-01', '2026-07-01', '2026-11-01']) {
      for (const category of seed.categories.filter((c) => c.code !== 'OTHER')) {
        expect({ category: category.code, day, inForce: inForce(day)(category).length > 0 }).toEqual({ category: category.code, day, inForce: true });
      }
    }
    const panic = seed.categories.find((c) => c.code === 'FALSE_INFO_PANIC')!;
    expect(inForce('2026-06-30')(panic)).toContain('LANM_2018_D8_1D');
    expect(inForce('2026-07-01')(panic)).toEqual(['LANM_2025', 'ND15_2020_D101']);
    // A successor without its article numbers is flagged for the legal officers, never invented.
    expect(panic.legalBases.find((b) => b.code === 'LANM_2025')).toMatchObject({
      needsReview: true,
      citation: expect.stringContaining('điều khoản tương ứng'),
    });
  });

  it('needs the hours of every severity in the SLA policy, positive and within a year', () => {
    expect(seed.province.sla.CRITICAL).toEqual({ triageHours: 2, decisionHours: 12, consultationHours: 6 });
    const broken = structuredClone(seed);
    const sla: Record<string, unknown> = {
      ...broken.province.sla,
      HIGH: { triageHours: 0, decisionHours: '48' },
      MEDIUM: { triageHours: 1, decisionHours: 2, consultationHours: -1, reviewHours: 3 },
      URGENT: { triageHours: 1, decisionHours: 2 },
    };
    delete sla['LOW'];
    broken.province.sla = sla as unknown as ProvinceSeed['province']['sla'];
    expect(validateSeed(broken).map((i) => `${i.file} ${i.path}`)).toEqual([
      'province.json sla.LOW',
      'province.json sla.MEDIUM.consultationHours',
      'province.json sla.MEDIUM.reviewHours',
      'province.json sla.HIGH.triageHours',
      'province.json sla.HIGH.decisionHours',
      'province.json sla.URGENT',
    ]);
  });

  it('seeds the development users with work identities only', () => {
    const byName = new Map(seed.users.map((u) => [u.username, u]));
    expect(byName.get('stttt.lead')).toMatchObject({ agencyCode: 'STTTT', roles: ['COORDINATOR'] });
    expect(byName.get('ca.officer')!.roles.sort()).toEqual(['INVESTIGATOR', 'OFFICER']);
    expect(byName.get('hnb.officer')).toMatchObject({ agencyCode: 'HNB', roles: ['ETHICS_OFFICER'] });
    for (const user of seed.users) expect(Object.keys(user).sort()).toEqual(['agencyCode', 'displayName', 'roles', 'username']);
  });

  const broken: Array<[string, (s: ProvinceSeed) => void, { file: string; path: string; message: RegExp }]> = [
    [
      'a dangling reference',
      (s) => (s.localities[0]!.committeeAgencyCode = 'UBND_ATLANTIS'),
      { file: 'localities.json', path: '[0].committeeAgencyCode', message: /unknown agency "UBND_ATLANTIS"/ },
    ],
    [
      'a duplicate code',
      (s) => s.agencies.push({ ...s.agencies[0]! }),
      { file: 'agencies.json', path: `[${seed.agencies.length}].code`, message: /duplicate "UBND_TINH"/ },
    ],
    ['a malformed code', (s) => (s.sectors[0]!.code = 'health'), { file: 'sectors.json', path: '[0].code', message: /not a code/ }],
    [
      'a successor cycle',
      (s) => {
        Object.assign(
          s.agencies.find((a) => a.code === 'SYT')!,
          { validTo: '2025-02-28', successorCode: 'SGDDT' },
        );
        Object.assign(
          s.agencies.find((a) => a.code === 'SGDDT')!,
          { validTo: '2025-02-28', successorCode: 'SYT' },
        );
      },
      { file: 'agencies.json', path: `[${seed.agencies.findIndex((a) => a.code === 'SYT')}].successorCode`, message: /cycle/ },
    ],
    [
      'a parent cycle',
      (s) => (s.agencies.find((a) => a.code === 'UBND_TINH')!.parentCode = 'VP_UBND'),
      { file: 'agencies.json', path: '[0].parentCode', message: /parent chain of UBND_TINH .*cycle/ },
    ],
    [
      'validity dates out of order',
      (s) => Object.assign(s.agencies[0]!, { validFrom: '2026-01-01', validTo: '2025-01-01' }),
      { file: 'agencies.json', path: '[0].validTo', message: /before validFrom/ },
    ],
    ['an impossible date', (s) => (s.agencies[0]!.validFrom = '2019-02-30'), { file: 'agencies.json', path: '[0].validFrom', message: /not a date/ }],
    [
      'a missing nullable field',
      (s) => delete (s.agencies[0] as Partial<ProvinceSeed['agencies'][number]>).validTo,
      { file: 'agencies.json', path: '[0].validTo', message: /is required/ },
    ],
    [
      'a successor on an agency still valid',
      (s) => (s.agencies.find((a) => a.code === 'SYT')!.successorCode = 'SGDDT'),
      { file: 'agencies.json', path: `[${seed.agencies.findIndex((a) => a.code === 'SYT')}].successorCode`, message: /needs validTo/ },
    ],
    [
      'a locality of unknown kind',
      (s) => ((s.localities[0] as { kind: string }).kind = 'PROVINCE'),
      { file: 'localities.json', path: '[0].kind', message: /unknown kind "PROVINCE"/ },
    ],
    [
      'a committee of another locality',
      (s) => (s.localities[0]!.committeeAgencyCode = 'UBND_LE_THUY'),
      { file: 'localities.json', path: '[0].committeeAgencyCode', message: /belongs to locality LE_THUY/ },
    ],
    [
      'an unknown severity',
      (s) => ((s.categories[0] as { defaultSeverity: string }).defaultSeverity = 'URGENT'),
      { file: 'categories.json', path: '[0].defaultSeverity', message: /unknown severity "URGENT"/ },
    ],
    [
      'a provision without text',
      (s) => ((s.categories[0]!.legalBases[0] as { text?: string }).text = ''),
      { file: 'categories.json', path: '[0].legalBases[0].text', message: /non-empty/ },
    ],
    [
      'a dangling provision successor',
      (s) => (s.categories[0]!.legalBases[0]!.successorCode = 'LANM_2099'),
      { file: 'categories.json', path: '[0].legalBases[0].successorCode', message: /unknown provision of this category "LANM_2099"/ },
    ],
    [
      'a provision successor cycle',
      (s) => Object.assign(s.categories[0]!.legalBases[1]!, { effectiveTo: '2030-12-31', successorCode: 'LANM_2018_D8_1D' }),
      { file: 'categories.json', path: '[0].legalBases[1].successorCode', message: /cycle/ },
    ],
    [
      'one provision code with two citations',
      (s) => (s.categories[1]!.legalBases[1]!.citation = 'Luật An ninh mạng 2025, Điều 99'),
      { file: 'categories.json', path: '[1].legalBases[1].code', message: /differs from the provision of the same code/ },
    ],
    [
      'two LEAD rules',
      (s) => s.rules.push({ ...s.rules[0]!, id: 'SECOND_LEAD' }),
      { file: 'rules.json', path: '$', message: /exactly one LEAD rule, found 2/ },
    ],
    [
      'a LEAD rule that does not always apply',
      (s) => (s.rules[0]!.when = { categoryTagsAny: ['fraud'] }),
      { file: 'rules.json', path: '[0].when', message: /LEAD rule must apply to every case/ },
    ],
    [
      'a rule naming a missing agency',
      (s) => (s.rules[1]!.target = { agency: 'GHOST' }),
      { file: 'rules.json', path: '[1].target.agency', message: /unknown agency "GHOST"/ },
    ],
    [
      'a rule with two targets',
      (s) => (s.rules[1]!.target = { agency: 'CA', sectorDepartment: true } as never),
      { file: 'rules.json', path: '[1].target', message: /exactly one of/ },
    ],
    [
      'a rule naming an unknown category',
      (s) => (s.rules[1]!.when = { categoriesAny: ['SCAM'] }),
      { file: 'rules.json', path: '[1].when.categoriesAny[0]', message: /unknown category "SCAM"/ },
    ],
    [
      'a rule tag no category carries',
      (s) => (s.rules[1]!.when = { categoryTagsAny: ['secrets', 'secret'] }),
      { file: 'rules.json', path: '[1].when.categoryTagsAny[1]', message: /no category carries it/ },
    ],
    [
      'an unknown condition',
      (s) => ((s.rules[1]!.when as Record<string, unknown>)['sectorAny'] = ['HEALTH']),
      { file: 'rules.json', path: '[1].when.sectorAny', message: /unknown condition/ },
    ],
    [
      'a user of an unknown agency',
      (s) => (s.users[0]!.agencyCode = 'NOWHERE'),
      { file: 'users.json', path: '[0].agencyCode', message: /unknown agency "NOWHERE"/ },
    ],
    ['an unknown role', (s) => (s.users[0]!.roles = ['KING']), { file: 'users.json', path: '[0].roles[0]', message: /unknown role "KING" \(known roles/ }],
  ];

  it.each(broken)('names the file and path of %s', (_label, breakIt, expected) => {
    const copy = structuredClone(seed);
    breakIt(copy);
    expect(validateSeed(copy)).toEqual(
      expect.arrayContaining([{ file: expected.file, path: expected.path, message: expect.stringMatching(expected.message) }]),
    );
  });

  it('reports a cycle once per agency in it, not on agencies that only lead into it', () => {
    const copy = structuredClone(seed);
    Object.assign(
      copy.agencies.find((a) => a.code === 'SYT')!,
      { validTo: '2025-02-28', successorCode: 'SGDDT' },
    );
    Object.assign(
      copy.agencies.find((a) => a.code === 'SGDDT')!,
      { validTo: '2025-02-28', successorCode: 'SYT' },
    );
    Object.assign(
      copy.agencies.find((a) => a.code === 'SXD')!,
      { validTo: '2025-02-28', successorCode: 'SYT' },
    );
    expect(
      validateSeed(copy)
        .filter((i) => /cycle/.test(i.message))
        .map((i) => i.message),
    ).toEqual([expect.stringContaining('of SYT'), expect.stringContaining('of SGDDT')]);
  });

  it('refuses to load an inconsistent folder, listing the problems', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    cpSync(defaultSeedDir(), dir, { recursive: true });
    const users = JSON.parse(readFileSync(path.join(dir, 'users.json'), 'utf8'));
    users[0].agencyCode = 'NOWHERE';
    users[1].roles = [];
    writeFileSync(path.join(dir, 'users.json'), JSON.stringify(users));
    let error: unknown;
    try {
      loadSeedFolder(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).issues).toHaveLength(2);
    expect((error as Error).message).toMatch(/users.json \[0\].agencyCode: unknown agency "NOWHERE"/);
    expect((error as Error).message).toMatch(/users.json \[1\].roles: must be a non-empty array/);
  });

  it('names a file that is missing or not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    cpSync(defaultSeedDir(), dir, { recursive: true });
    writeFileSync(path.join(dir, 'rules.json'), '[{ "id": ');
    expect(() => loadSeedFolder(dir)).toThrow(/rules.json \$: cannot be read/);
  });
});
