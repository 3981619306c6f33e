import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultSeedDir, loadSeedFolder, validateSeed } from './seed-loader';

describe('province seed', () => {
  const seed = loadSeedFolder(defaultSeedDir());

  it('loads the Quảng Bình seed with every agency code the regulation names', () => {
    const codes = seed.agencies.map((a) => a.code);
    for (const code of ['STTTT', 'CA', 'HNB', 'BTG', 'BNC', 'BAO_QB', 'DAI_PTTH', 'CONG_TTDT', 'STC', 'VP_UBND', 'SYT', 'SGDDT', 'STNMT', 'SNNPTNT', 'SGTVT', 'SCT', 'SXD', 'SLDTBXH', 'SVHTTDL', 'SNV', 'STP', 'SKHDT', 'SKHCN']) {
      expect(codes).toContain(code);
    }
    expect(seed.localities.map((l) => l.code).sort()).toEqual(['BA_DON', 'BO_TRACH', 'DONG_HOI', 'LE_THUY', 'MINH_HOA', 'QUANG_NINH', 'QUANG_TRACH', 'TUYEN_HOA']);
    expect(seed.categories).toHaveLength(12);
    expect(validateSeed(seed)).toEqual([]);
  });

  const broken: Array<[string, (s: typeof seed) => void, { file: string; message: RegExp }]> = [
    ['a dangling reference', (s) => (s.localities[0]!.committeeAgencyCode = 'UBND_ATLANTIS'), { file: 'localities.json', message: /unknown agency "UBND_ATLANTIS"/ }],
    ['a duplicate code', (s) => s.agencies.push({ ...s.agencies[0]! }), { file: 'agencies.json', message: /duplicate/ }],
    ['a successor cycle', (s) => {
      s.agencies.find((a) => a.code === 'SYT')!.successorCode = 'SGDDT';
      s.agencies.find((a) => a.code === 'SGDDT')!.successorCode = 'SYT';
    }, { file: 'agencies.json', message: /cycle/ }],
    ['validity dates out of order', (s) => Object.assign(s.agencies[0]!, { validFrom: '2026-01-01', validTo: '2025-01-01' }), { file: 'agencies.json', message: /before validFrom/ }],
    ['two LEAD rules', (s) => s.rules.push({ ...s.rules[0]!, id: 'SECOND_LEAD' }), { file: 'rules.json', message: /exactly one LEAD/ }],
    ['a rule naming a missing agency', (s) => (s.rules[1]!.target = { agency: 'GHOST' }), { file: 'rules.json', message: /unknown agency "GHOST"/ }],
    ['an unknown role', (s) => (s.users[0]!.roles = ['KING']), { file: 'users.json', message: /known roles/ }],
  ];

  it.each(broken)('names the file and path of %s', (_label, breakIt, expected) => {
    const copy = structuredClone(seed);
    breakIt(copy);
    const issues = validateSeed(copy);
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: expected.file, path: expect.any(String), message: expect.stringMatching(expected.message) })]));
  });

  it('refuses to load an inconsistent folder, listing the problems', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    cpSync(defaultSeedDir(), dir, { recursive: true });
    const users = JSON.parse(readFileSync(path.join(dir, 'users.json'), 'utf8'));
    users[0].agencyCode = 'NOWHERE';
    writeFileSync(path.join(dir, 'users.json'), JSON.stringify(users));
    expect(() => loadSeedFolder(dir)).toThrow(/users.json \[0\].agencyCode: unknown agency "NOWHERE"/);
  });
});
