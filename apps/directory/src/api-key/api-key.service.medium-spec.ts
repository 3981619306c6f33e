import { EventSubjects } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { ApiKeyService } from './api-key.service';

describe(ApiKeyService.name, () => {
  let bed: DirectoryTestbed;
  let sut: ApiKeyService;
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
  const create = (name: string, extra: Record<string, unknown> = {}) => sut.create(admin, { agencyCode: 'SYT', name, scopes: ['submitReport'], ...extra });

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(ApiKeyService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('create and verify', () => {
    it('gives the secret once, stores only its hash, and verifies it to the key’s agency and scopes', async () => {
      const created = await create('Hệ thống giám sát tin giả', { scopes: ['submitReport', 'submitReport'] });
      expect(created.apiKey).toMatchObject({ agencyCode: 'SYT', scopes: ['submitReport'], createdBy: 'admin', revokedAt: null, lastUsedAt: null });
      const [row] = await bed.dataSource.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [created.apiKey.id]);
      expect(row.secret_hash).not.toContain(created.secret);
      expect(await sut.verify(created.secret)).toEqual({
        keyId: created.apiKey.id,
        name: 'Hệ thống giám sát tin giả',
        agencyCode: 'SYT',
        scopes: ['submitReport'],
        expiresAt: null,
      });
      const [used] = await bed.dataSource.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [created.apiKey.id]);
      expect(used.last_used_at).not.toBeNull();
      expect((await bed.audit(created.apiKey.id)).map((a) => a.action)).toEqual(['api-key.created']);
    });

    it('answers a retried creation with the same key with the same key and a working secret; none is created twice', async () => {
      const first = await create('Khóa gửi lại', { clientRequestId: `key-${bed.schema}` });
      const retried = await create('Khóa gửi lại', { clientRequestId: `key-${bed.schema}` });
      expect(retried.apiKey.id).toBe(first.apiKey.id);
      expect((await sut.verify(retried.secret)).keyId).toBe(first.apiKey.id);
      expect((await sut.list({ agencyCode: 'SYT' })).filter((k) => k.name === 'Khóa gửi lại')).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a scope an API client may not call', { scopes: ['reorganizeAgencies'] }, 'scopes'],
      ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      ['an unknown agency', { agencyCode: 'NO_SUCH' }, 'agencyCode'],
    ])('refuses %s (BAD_USER_INPUT on its field)', async (_name, change, field) => {
      await expect(create('Khóa thử', change)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a wrong, malformed, revoked or expired secret as UNAUTHENTICATED', async () => {
      const live = await create('Khóa sống');
      const forged = live.secret.slice(0, -4) + (live.secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      await expect(sut.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(sut.verify('not-a-key')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      const expiring = await create('Khóa sắp hết hạn', { expiresAt: new Date(Date.now() + 1_000).toISOString() });
      await bed.dataSource.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.apiKey.id]);
      await expect(sut.verify(expiring.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'API key has expired' });
    });
  });

  describe('list and revoke', () => {
    it('revokes a key for good: evented for the gateways, audited, and refused from then on', async () => {
      const created = await create('Khóa thu hồi');
      const revoked = await sut.revoke(admin, { id: created.apiKey.id, reason: 'Lộ khóa' });
      expect(revoked).toMatchObject({ revokedReason: 'Lộ khóa' });
      expect(revoked.revokedAt).not.toBeNull();
      expect(await bed.outbox(created.apiKey.id)).toEqual([expect.objectContaining({ subject: EventSubjects.directory.apiKeyRevoked, visibleTo: ['SYT'] })]);
      await expect(sut.verify(created.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'API key is revoked' });
      await expect(sut.revoke(admin, { id: created.apiKey.id, reason: 'Lần nữa' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(sut.revoke(admin, { id: '00000000-0000-4000-8000-000000000000', reason: 'Không có' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists an agency’s keys, newest first, never with a secret', async () => {
      const first = await create('Khóa một');
      const second = await create('Khóa hai');
      const keys = await sut.list({ agencyCode: 'SYT' });
      const ids = keys.map((k) => k.id);
      expect(ids.indexOf(second.apiKey.id)).toBeLessThan(ids.indexOf(first.apiKey.id));
      expect(JSON.stringify(keys)).not.toContain(first.secret);
      expect(await sut.list({ agencyCode: 'CA' })).toEqual([]);
    });
  });
});
