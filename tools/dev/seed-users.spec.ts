import path from 'node:path';
import { describeSeedUsers, readSeedUsers, seedDir } from './seed-users';

describe('the start banner user list', () => {
  const users = readSeedUsers(seedDir(path.resolve(__dirname, '..', '..')));

  it('lists every seeded user, with agency and roles', () => {
    expect(users.length).toBeGreaterThan(5);
    const lines = describeSeedUsers(users).split('\n');
    expect(lines).toHaveLength(users.length);
    for (const [i, user] of users.entries()) {
      expect(lines[i]!.trim().split(/\s+/).slice(0, 2)).toEqual([user.username, user.agencyCode]);
      for (const role of user.roles) expect(lines[i]).toContain(role);
    }
  });

  it('includes the users a hand-written list forgot (press association, auditor)', () => {
    const text = describeSeedUsers(users);
    for (const username of ['hnb.officer', 'auditor']) expect(text).toContain(username);
  });
});
