import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { UserService } from './user.service';

describe(UserService.name, () => {
  let bed: DirectoryTestbed;
  let sut: UserService;
  const officer = actorOf(SeededUsers.caOfficer);
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(UserService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('get: a user reads their own record, an administrator anyone’s, others nobody’s', async () => {
    expect(await sut.get(officer, 'ca.officer')).toMatchObject({ username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'], active: true });
    expect((await sut.get(admin, 'ca.officer')).id).toBe(officer.userId);
    await expect(sut.get(officer, 'stttt.lead')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.get(admin, 'nobody.here')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'username' });
  });

  it('resolve: names the officers behind usernames, leaving unknown ones out', async () => {
    expect(await sut.resolve(['stttt.lead', 'ca.officer', 'nobody.here'])).toEqual([
      expect.objectContaining({ username: 'ca.officer', agencyCode: 'CA', active: true }),
      expect.objectContaining({ username: 'stttt.lead', agencyCode: 'STTTT', active: true }),
    ]);
    expect(await sut.resolve([])).toEqual([]);
  });

  it('names: gives who is behind user ids (for the history), ignoring what is not a user id', async () => {
    const names = await sut.names([officer.userId, admin.userId, officer.userId, 'not-an-id', '00000000-0000-4000-8000-000000000000']);
    expect(names.map((n) => `${n.username}@${n.agencyCode}`).sort()).toEqual(['admin@STTTT', 'ca.officer@CA']);
    expect(names.find((n) => n.username === 'ca.officer')).toMatchObject({ id: officer.userId, active: true });
    expect(await sut.names(['not-an-id'])).toEqual([]);
  });

  it('findActive and resolveActor: only an active user is a caller, with the directory’s roles', async () => {
    expect((await sut.findActive('ca.officer'))?.agencyCode).toBe('CA');
    await bed.dataSource.query(`UPDATE app_user SET active = false WHERE username = 'btg.officer'`);
    expect(await sut.findActive('btg.officer')).toBeNull();
    const actor = await sut.resolveActor({ issuer: 'phoi-hop-dev', subject: officer.userId, username: 'ca.officer' });
    expect(actor).toMatchObject({ username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] });
    await expect(sut.resolveActor({ issuer: 'phoi-hop-dev', subject: 'x', username: 'btg.officer' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
