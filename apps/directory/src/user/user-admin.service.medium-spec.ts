import { EventSubjects } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { UserAdminService } from './user-admin.service';

describe(UserAdminService.name, () => {
  let bed: DirectoryTestbed;
  let sut: UserAdminService;
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
  let seq = 0;
  const newName = () => `can.bo.${++seq}`;

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(UserAdminService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('create', () => {
    it('creates a user whose roles fit the agency, evented and audited; the name is taken from then on', async () => {
      const username = newName();
      const created = await sut.create(admin, { username, displayName: '  Hoàng Văn G ', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] });
      expect(created).toMatchObject({ username, displayName: 'Hoàng Văn G', agencyCode: 'CA', active: true, subject: null });
      expect(await bed.outbox(created.id)).toEqual([
        expect.objectContaining({ subject: EventSubjects.directory.userChanged, data: expect.objectContaining({ change: 'CREATED' }) }),
      ]);
      expect((await bed.audit(username)).map((a) => a.action)).toEqual(['user.created']);
      expect(bed.actors.forgotten).toContain(username);
      await expect(sut.create(admin, { username, displayName: 'Người khác', agencyCode: 'SYT', roles: ['OFFICER'] })).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'username',
      });
    });

    it('answers a retried creation with the same key with the user created first, not CONFLICT', async () => {
      const request = { username: newName(), displayName: 'Đinh Văn L', agencyCode: 'SYT', roles: ['OFFICER' as const], clientRequestId: `user-${bed.schema}` };
      const first = await sut.create(admin, request);
      expect(await sut.create(admin, request)).toEqual(first);
      expect((await bed.audit(request.username)).map((a) => a.action)).toEqual(['user.created']);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a coordinator outside the lead agency', { agencyCode: 'SYT', roles: ['COORDINATOR'] }, 'roles'],
      ['an investigator outside the police', { agencyCode: 'SYT', roles: ['INVESTIGATOR'] }, 'roles'],
      ['an API client role', { agencyCode: 'SYT', roles: ['API_CLIENT'] }, 'roles'],
      ['an unknown agency', { agencyCode: 'NO_SUCH', roles: ['OFFICER'] }, 'agencyCode'],
    ])('refuses %s (BAD_USER_INPUT on its field) and creates nobody', async (_name, change, field) => {
      const username = newName();
      await expect(sut.create(admin, { username, displayName: 'Người thử', agencyCode: 'SYT', roles: ['OFFICER'], ...change })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      expect(await bed.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username])).toEqual([]);
    });

    it('links a subject to one user only (CONFLICT for a second)', async () => {
      await sut.create(admin, { username: newName(), displayName: 'Người một', agencyCode: 'SYT', roles: ['OFFICER'], subject: `sub-${bed.schema}` });
      await expect(
        sut.create(admin, { username: newName(), displayName: 'Người hai', agencyCode: 'SYT', roles: ['OFFICER'], subject: `sub-${bed.schema}` }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'subject',
      });
    });
  });

  describe('update', () => {
    it('changes what is given and keeps the rest; the former agency hears of a move', async () => {
      const user = await sut.create(admin, { username: newName(), displayName: 'Trịnh Văn H', agencyCode: 'SYT', roles: ['OFFICER'] });
      const moved = await sut.update(admin, { username: user.username, agencyCode: 'SGDDT' });
      expect(moved).toMatchObject({ displayName: 'Trịnh Văn H', agencyCode: 'SGDDT', roles: ['OFFICER'] });
      expect((await bed.outbox(user.id)).at(-1)).toMatchObject({ data: { change: 'UPDATED' }, visibleTo: ['SGDDT', 'SYT'] });
      expect((await bed.audit(user.username)).at(-1)).toMatchObject({
        action: 'user.updated',
        summary: { before: { agencyCode: 'SYT' }, after: { agencyCode: 'SGDDT' } },
      });
      // Nothing to change: nothing written.
      const events = (await bed.outbox(user.id)).length;
      await sut.update(admin, { username: user.username, displayName: 'Trịnh Văn H' });
      expect(await bed.outbox(user.id)).toHaveLength(events);
    });

    it('does not let an administrator take away their own ADMIN role; an unknown user is NOT_FOUND', async () => {
      await expect(sut.update(admin, { username: 'admin', roles: ['OFFICER'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
      await expect(sut.update(admin, { username: 'nobody.here', displayName: 'Không ai' })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'username' });
    });
  });

  describe('disable and enable', () => {
    it('disables with a reason and enables again, each once', async () => {
      const user = await sut.create(admin, { username: newName(), displayName: 'Mai Thị K', agencyCode: 'SYT', roles: ['OFFICER'] });
      const disabled = await sut.disable(admin, { username: user.username, reason: 'Nghỉ hưu' });
      expect(disabled).toMatchObject({ active: false, disabledReason: 'Nghỉ hưu' });
      await expect(sut.disable(admin, { username: user.username, reason: 'Lần nữa' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      const enabled = await sut.enable(admin, { username: user.username });
      expect(enabled).toMatchObject({ active: true, disabledAt: null, disabledReason: null });
      await expect(sut.enable(admin, { username: user.username })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await bed.audit(user.username)).map((a) => a.action)).toEqual(['user.created', 'user.disabled', 'user.enabled']);
      await expect(sut.disable(admin, { username: 'admin', reason: 'Tự khóa' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    });
  });

  describe('list', () => {
    it('pages users by username, optionally of one agency; a foreign cursor is BAD_USER_INPUT', async () => {
      const first = await sut.list({ first: 3 });
      const second = await sut.list({ first: 3, after: first.endCursor! });
      const names = [...first.edges, ...second.edges].map((e) => e.node.username);
      expect(names).toEqual([...names].sort());
      expect(new Set(names).size).toBe(6);
      const ca = await sut.list({ first: 50, agencyCode: 'CA' });
      expect(ca.edges.every((e) => e.node.agencyCode === 'CA')).toBe(true);
      await expect(sut.list({ first: 3, after: Buffer.from('ÂÂ', 'utf8').toString('base64url') })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });
  });
});
